import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { clients, contracts } from "../schema";
import { bulkCoalesceUpdate, insertInChunks } from "./bulk-write";
import type { BatchCounts, RejectedRow } from "./crm-imports";
import { type ImportRow, personKey } from "./row-to-input";

/** What one import remembers across its batches (ids only: at most 50,000 of each). */
export interface ImportMemory {
  orgId: string;
  userId: string | null;
  clientByKey: Map<string, string>;
  /** Clients created by this import: later rows for them count neither as created nor as updated. */
  createdClients: Set<string>;
  updatedClients: Set<string>;
  createdContracts: Set<string>;
  updatedContracts: Set<string>;
}

type ClientInsert = typeof clients.$inferInsert;
type ContractInsert = typeof contracts.$inferInsert;
type ContractMatch = { id: string; clientId: string; productLine: string; startDate: string | null; externalRef: string | null };

const noNulls = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
const contractKey = (clientId: string, productLine: string, startDate: string | null | undefined) =>
  `${clientId}|${productLine}|${startDate ?? ""}`;

/** The keys a row can be attached to an existing client by, strongest first. */
function keysOf(row: ImportRow): string[] {
  const c = row.client;
  const keys: string[] = [];
  if (c.externalRef) keys.push(`ref:${c.externalRef}`);
  if (c.siret) keys.push(`siret:${c.siret}`);
  if (c.lastName && c.birthDate && c.postalCode) keys.push(`person:${personKey(c.lastName, c.firstName, c.birthDate, c.postalCode)}`);
  return keys;
}

/**
 * Stored clients the batch's rows may belong to, by each kind of key. SIRET and identity are only
 * looked up for rows their reference did not place, so a re-import by reference costs one query.
 */
async function findClients(tx: DbOrTx, memory: ImportMemory, rows: ImportRow[]) {
  const { orgId } = memory;
  const found = new Map<string, { id: string; externalRef: string | null }>();
  const cols = { id: clients.id, externalRef: clients.externalRef, siret: clients.siret };
  const refs = [...new Set(rows.map((r) => r.client.externalRef).filter((v): v is string => !!v && !memory.clientByKey.has(`ref:${v}`)))];
  if (refs.length > 0) {
    for (const c of await tx
      .select(cols)
      .from(clients)
      .where(and(eq(clients.orgId, orgId), inArray(clients.externalRef, refs)))) {
      found.set(`ref:${c.externalRef}`, c);
    }
  }
  const unplaced = rows.filter((r) => !keysOf(r).some((k) => memory.clientByKey.has(k) || found.has(k)));
  const sirets = [...new Set(unplaced.map((r) => r.client.siret).filter((v): v is string => !!v))];
  const births = [...new Set(unplaced.map((r) => r.client.birthDate).filter((v): v is string => !!v))];
  const postalCodes = [...new Set(unplaced.map((r) => r.client.postalCode).filter((v): v is string => !!v))];
  if (sirets.length > 0) {
    const rowsBySiret = await tx
      .select(cols)
      .from(clients)
      .where(and(eq(clients.orgId, orgId), inArray(clients.siret, sirets)))
      .orderBy(clients.createdAt);
    for (const c of rowsBySiret) if (!found.has(`siret:${c.siret}`)) found.set(`siret:${c.siret}`, c);
  }
  if (births.length > 0 && postalCodes.length > 0) {
    const people = await tx
      .select({
        ...cols,
        lastName: clients.lastName,
        firstName: clients.firstName,
        birthDate: clients.birthDate,
        postalCode: clients.postalCode,
      })
      .from(clients)
      .where(
        and(
          eq(clients.orgId, orgId),
          inArray(clients.birthDate, births),
          inArray(clients.postalCode, postalCodes),
          isNotNull(clients.lastName),
        ),
      )
      .orderBy(clients.createdAt);
    for (const c of people) {
      if (!c.birthDate || !c.postalCode || !c.lastName) continue;
      const key = `person:${personKey(c.lastName, c.firstName, c.birthDate, c.postalCode)}`;
      if (!found.has(key)) found.set(key, c);
    }
  }
  return found;
}

/**
 * Writes one batch of checked rows in the caller's transaction: attaches each row to its client
 * (met earlier in the file, or stored, by reference, SIRET or name + birth date + postal code),
 * creates or completes that client, then creates or updates the contract. Cells left blank never
 * erase stored values. Returns the counts and the rows refused at this stage.
 */
export async function writeImportBatch(tx: DbOrTx, memory: ImportMemory, rows: ImportRow[]) {
  const { orgId } = memory;
  // Two imports of one organisation at once would race on the same references: one batch at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`crm_import:${orgId}`}))`);
  const stored = await findClients(tx, memory, rows);
  const contractRefs = [...new Set(rows.map((r) => r.contract.externalRef).filter((v): v is string => !!v))];
  const contractByRef = new Map<string, ContractMatch>();
  if (contractRefs.length > 0) {
    const matchCols = {
      id: contracts.id,
      clientId: contracts.clientId,
      productLine: contracts.productLine,
      startDate: contracts.startDate,
      externalRef: contracts.externalRef,
    };
    for (const c of await tx
      .select(matchCols)
      .from(contracts)
      .where(and(eq(contracts.orgId, orgId), inArray(contracts.externalRef, contractRefs)))) {
      contractByRef.set(c.externalRef as string, c);
    }
  }

  const rejected: RejectedRow[] = [];
  const newClients = new Map<string, ClientInsert>();
  const clientUpdates = new Map<string, Record<string, unknown>>();
  const resolved: { row: ImportRow; clientId: string }[] = [];
  for (const row of rows) {
    const keys = keysOf(row);
    let clientId: string | undefined;
    for (const key of keys) {
      clientId = memory.clientByKey.get(key);
      if (clientId) break;
      const hit = stored.get(key);
      // A stored client with another CRM reference is another client, even with the same SIRET.
      if (hit && (!hit.externalRef || !row.client.externalRef || hit.externalRef === row.client.externalRef)) {
        clientId = hit.id;
        break;
      }
    }
    const known = row.contract.externalRef ? contractByRef.get(row.contract.externalRef) : undefined;
    if (known && known.clientId !== clientId) {
      // Without a client reference, the contract's reference says whose row it is (a name may have
      // changed since); with one, a contract of another client is a conflict to fix in the file.
      if (row.client.externalRef) {
        rejected.push({
          line: row.line,
          record: {},
          reasons: [`Le contrat « ${row.contract.externalRef} » est déjà rattaché à un autre client`],
        });
        continue;
      }
      clientId = known.clientId;
    }
    if (!clientId) {
      clientId = crypto.randomUUID();
      newClients.set(clientId, { id: clientId, orgId, type: row.client.type, isTns: false });
      memory.createdClients.add(clientId);
    }
    for (const key of keys) if (!memory.clientByKey.has(key)) memory.clientByKey.set(key, clientId);

    const { type, ...values } = noNulls(row.client) as typeof row.client;
    const pending = newClients.get(clientId);
    if (pending) Object.assign(pending, values, row.typeExplicit ? { type } : {});
    else clientUpdates.set(clientId, { ...clientUpdates.get(clientId), ...values, ...(row.typeExplicit ? { type } : {}) });
    resolved.push({ row, clientId });
  }

  // Contracts without a reference are recognised by client, line and start date, so a re-import does not double them.
  const storedClientIds = [...clientUpdates.keys()];
  const byNaturalKey = new Map<string, string>();
  if (storedClientIds.length > 0) {
    const existing = await tx
      .select({ id: contracts.id, clientId: contracts.clientId, productLine: contracts.productLine, startDate: contracts.startDate })
      .from(contracts)
      .where(and(eq(contracts.orgId, orgId), inArray(contracts.clientId, storedClientIds)));
    for (const c of existing) byNaturalKey.set(contractKey(c.clientId, c.productLine, c.startDate), c.id);
  }
  const newContracts = new Map<string, ContractInsert>();
  const contractUpdates = new Map<string, Record<string, unknown>>();
  const batchRefs = new Map<string, string>();
  for (const { row, clientId } of resolved) {
    const values = noNulls(row.contract);
    const ref = row.contract.externalRef;
    const natural = contractKey(clientId, row.contract.productLine, row.contract.startDate);
    const contractId =
      (ref ? (contractByRef.get(ref)?.id ?? batchRefs.get(ref)) : undefined) ?? (ref ? undefined : byNaturalKey.get(natural));
    if (contractId && newContracts.has(contractId)) Object.assign(newContracts.get(contractId) as object, values);
    else if (contractId) contractUpdates.set(contractId, { ...contractUpdates.get(contractId), ...values });
    else {
      const id = crypto.randomUUID();
      const isOurs = row.contract.isOurs ?? true;
      newContracts.set(id, {
        ...values,
        id,
        orgId,
        clientId,
        productLine: row.contract.productLine,
        isOurs,
        sellerId: row.contract.sellerId ?? null,
      });
      memory.createdContracts.add(id);
      if (ref) batchRefs.set(ref, id);
      else byNaturalKey.set(natural, id);
    }
  }

  await insertInChunks(tx, clients, [...newClients.values()]);
  const clientRows = [...clientUpdates].map(([id, values]) => ({ id, values }));
  await bulkCoalesceUpdate(tx, clients, "clients", orgId, clientRows, sql`updated_at = now()`);
  await insertInChunks(tx, contracts, [...newContracts.values()]);
  await bulkCoalesceUpdate(
    tx,
    contracts,
    "contracts",
    orgId,
    [...contractUpdates].map(([id, values]) => ({ id, values })),
  );

  const counts: BatchCounts = {
    rows: 0,
    clientsCreated: newClients.size,
    clientsUpdated: 0,
    contractsCreated: newContracts.size,
    contractsUpdated: 0,
    rejected: rejected.length,
  };
  for (const id of clientUpdates.keys()) {
    if (memory.createdClients.has(id) || memory.updatedClients.has(id)) continue;
    memory.updatedClients.add(id);
    counts.clientsUpdated++;
  }
  for (const id of contractUpdates.keys()) {
    if (memory.createdContracts.has(id) || memory.updatedContracts.has(id)) continue;
    memory.updatedContracts.add(id);
    counts.contractsUpdated++;
  }
  return { counts, rejected };
}
