import { csvText } from "../../../lib/csv";
import { csvTemplateRows } from "../../catalogue/rules";

/** A product's CSV template as served (BOM, ";", CRLF): header and one example row valid at `now`. */
export const csvTemplate = (slug: string, now: Date, consentVersion?: string) => csvText(csvTemplateRows(slug, now, consentVersion));
