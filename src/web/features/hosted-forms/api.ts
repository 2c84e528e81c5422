import { useQuery } from "@tanstack/react-query";
import type { Wire } from "../../../lib/wire";
import type { EmbedView } from "../../../modules/hosted-forms/api";
import { api } from "../../api/client";

export type Embed = Wire<EmbedView>;

export function useEmbed() {
  return useQuery({ queryKey: ["hosted-forms"], queryFn: ({ signal }) => api<Embed>("/api/v1/hosted-forms", { signal }) });
}
