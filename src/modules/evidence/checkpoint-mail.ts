import { type CheckpointLog, checkpointHead, checkpointLine } from "../audit";
import { parisInstant, parisToday } from "../catalogue/rules/dates";
import type { JobHandler, JobRequest } from "../jobs";
import type { Notifier } from "../notifications";
import { parisTime } from "./lead-integrity";

export const CHECKPOINT_MAIL_JOB = "audit.checkpoint_mail";
/** Sent in the morning, Paris time: one a day, whichever instance takes the job. */
const MAIL_HOUR = 7;

export function checkpointMailSchedule(now: Date): JobRequest[] {
  const day = parisToday(now);
  return [{ kind: CHECKPOINT_MAIL_JOB, dedupeKey: day, payload: { day }, runAt: parisInstant(day, MAIL_HOUR) }];
}

/**
 * Each day, the head of the audit chain signed afresh and mailed to the operator: a copy of the anchor
 * held by a mail server and a mailbox, out of reach of anyone who controls the database and the servers'
 * checkpoint folder. The line pasted into a `.jsonl` file is read by `npm run audit:verify -- <folder>`.
 */
export function checkpointMailHandler(deps: { notifier: Notifier; to: string; checkpoints: CheckpointLog; instance: string }): JobHandler {
  return {
    kind: CHECKPOINT_MAIL_JOB,
    async run(_payload, { db, now }) {
      const checkpoint = await checkpointHead(db, deps.checkpoints, now);
      if (!checkpoint) return { sent: false };
      const line = checkpointLine(checkpoint, deps.instance);
      await deps.notifier.sendMail({
        to: deps.to,
        subject: `Point d'ancrage du journal d'audit LeadsAssurance — position ${checkpoint.position}`,
        text: [
          `Le ${parisTime(checkpoint.at)}, la chaîne du journal d'audit comptait ${checkpoint.position} maillons ; sa tête, signée par l'application, est :`,
          "",
          line,
          "",
          "Conservez ce message. Pour vérifier la base contre ce point d'ancrage : enregistrez la ligne ci-dessus dans un fichier",
          "« ancrage.jsonl » d'un dossier, puis lancez « npm run audit:verify -- <ce dossier> ». Si la chaîne a été raccourcie ou",
          "réécrite depuis, la vérification le dit.",
        ].join("\n"),
        orgId: null,
        tag: CHECKPOINT_MAIL_JOB,
      });
      return { sent: true, position: checkpoint.position };
    },
  };
}
