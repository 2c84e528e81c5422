import { eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { AppError } from "../../platform/errors";
import { PRODUCTS } from "../catalogue/rules";
import { consentTexts } from "../consent/schema";
import { oriasCategoryLabel } from "./rules/orias-categories";
import { consentCovers } from "./rules/partner-categories";
import { oriasAllows, oriasCategoriesFor } from "./rules/product-eligibility";
import { brokerages } from "./schema";

export type BuyerProblemCode = "broker_not_verified" | "orias_category_missing" | "consent_not_covering" | "not_a_broker";

export interface BuyerProblem {
  code: BuyerProblemCode;
  /** French, shown to the broker as is. */
  message: string;
}

export interface LeadForSale {
  product: string;
  consentTextId: string;
  /** The consent text's coverage when the caller read it with the lead (one query less per sale); null: no such text. */
  consentText?: ConsentCoverage | null;
}

type ConsentCoverage = { partners: string[]; partnerCategories: string[] };

/** What the buyer check needs to know of a buyer (buyerFactsSql reads it). */
export interface BuyerFacts {
  kind: string;
  brokerage: {
    legalName: string;
    oriasCategories: string[];
    partnerCategories: string[];
    verified: boolean;
    refused: boolean;
  } | null;
}

/** A scalar subquery giving an organisation's BuyerFacts as JSON, for a caller that reads them with other rows in one query. */
export function buyerFactsSql(orgId: string | SQL): SQL {
  const org = typeof orgId === "string" ? sql`${orgId}::uuid` : orgId;
  return sql`(select json_build_object('kind', o.kind, 'brokerage', case when b.org_id is null then null else json_build_object(
      'legalName', b.legal_name, 'oriasCategories', b.orias_categories, 'partnerCategories', b.partner_categories,
      'verified', b.verified_at is not null, 'refused', b.refused_at is not null) end)
    from organisations o left join brokerages b on b.org_id = o.id where o.id = ${org})`;
}

/**
 * Why the organisation may not buy the lead; an empty list means it may. Checked at every sale
 * (exclusive routing and marketplace): a brokerage whose ORIAS registration the operator has verified,
 * whose ORIAS categories allow the product, and whom the lead's consent text covers.
 */
export async function buyerProblems(db: DbOrTx, buyerOrgId: string, lead: LeadForSale): Promise<BuyerProblem[]> {
  const [row] = await rawRows<{ facts: BuyerFacts | null }>(db, sql`select ${buyerFactsSql(buyerOrgId)} as facts`);
  const text = lead.consentText !== undefined ? lead.consentText : await consentCoverage(db, lead.consentTextId);
  return buyerProblemsOf(row?.facts ?? null, { ...lead, consentText: text });
}

/** buyerProblems on facts already read (no query): the rules alone. */
export function buyerProblemsOf(buyer: BuyerFacts | null, lead: LeadForSale & { consentText: ConsentCoverage | null }): BuyerProblem[] {
  if (buyer?.kind !== "courtier" || !buyer.brokerage)
    return [{ code: "not_a_broker", message: "Seul un cabinet de courtage inscrit (SIREN et ORIAS) peut acheter des leads" }];
  const b = buyer.brokerage;
  const problems: BuyerProblem[] = [];
  if (!b.verified)
    problems.push({
      code: "broker_not_verified",
      message: b.refused
        ? "L'inscription ORIAS de votre cabinet a été refusée par LeadsAssurance : vous ne pouvez pas acheter"
        : "L'inscription ORIAS de votre cabinet n'a pas encore été vérifiée par LeadsAssurance",
    });
  if (!oriasAllows(lead.product, b.oriasCategories)) {
    const needed = oriasCategoriesFor(lead.product);
    problems.push({
      code: "orias_category_missing",
      message:
        needed.length === 0
          ? `Le produit « ${lead.product} » ne peut être vendu à aucun cabinet`
          : `Ce lead demande une inscription ORIAS en tant que ${needed.map((c) => `${oriasCategoryLabel(c)} (${c})`).join(", ou ")}`,
    });
  }
  if (!lead.consentText || !consentCovers(lead.consentText, b))
    problems.push({
      code: "consent_not_covering",
      message: "Le consentement de ce prospect ne couvre pas votre cabinet : le texte accepté ne nomme pas vos catégories de partenaires",
    });
  return problems;
}

async function consentCoverage(db: DbOrTx, consentTextId: string): Promise<ConsentCoverage | null> {
  const [text] = await db
    .select({ partners: consentTexts.partners, partnerCategories: consentTexts.partnerCategories })
    .from(consentTexts)
    .where(eq(consentTexts.id, consentTextId))
    .limit(1);
  return text ?? null;
}

/** The same check for a sale: throws `buyer_not_eligible` (403) listing the problems in French. */
export async function assertMayBuy(db: DbOrTx, buyerOrgId: string, lead: LeadForSale): Promise<void> {
  const problems = await buyerProblems(db, buyerOrgId, lead);
  if (problems.length === 0) return;
  throw new AppError("buyer_not_eligible", {
    message: `Votre cabinet ne peut pas acheter ce lead : ${problems.map((p) => p.message).join(" ; ")}`,
    details: problems,
  });
}

/**
 * What a brokerage may buy, for filtering a listing in SQL with the same rules as buyerProblems: the
 * products its ORIAS categories allow and the consent texts that cover it (their partner categories or its
 * name; the texts are few). Verification is not part of it: an unverified brokerage sees what it will be
 * able to buy once verified, and its purchase is refused until then. Null: not a brokerage (nothing). A list
 * is null when it excludes nothing (every product, every text), so the listing adds no condition for it.
 */
export async function buyableScope(
  db: DbOrTx,
  orgId: string,
): Promise<{ products: string[] | null; consentTextIds: string[] | null } | null> {
  const [b] = await db.select().from(brokerages).where(eq(brokerages.orgId, orgId)).limit(1);
  if (!b) return null;
  const texts = await db
    .select({ id: consentTexts.id, partners: consentTexts.partners, partnerCategories: consentTexts.partnerCategories })
    .from(consentTexts);
  const products = PRODUCTS.map((p) => p.slug).filter((slug) => oriasAllows(slug, b.oriasCategories));
  const covering = texts.filter((t) => consentCovers(t, b)).map((t) => t.id);
  return {
    products: products.length === PRODUCTS.length ? null : products,
    consentTextIds: covering.length === texts.length ? null : covering,
  };
}
