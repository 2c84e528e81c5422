import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Wire } from "../../../lib/wire";
import type { calendarSchema } from "../../../modules/appointments/api";
import { api } from "../../api/client";

export type Calendar = Wire<z.infer<typeof calendarSchema>>;
export type Appointment = Calendar["items"][number];

const KEY = ["appointments"] as const;

export function useCalendar(week: string | undefined) {
  return useQuery({
    queryKey: [...KEY, week ?? "now"],
    queryFn: ({ signal }) => api<Calendar>(`/api/v1/appointments${week ? `?week=${week}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, status }: { leadId: string; status: "honored" | "no_show" }) =>
      api<void>(`/api/v1/appointments/${encodeURIComponent(leadId)}/outcome`, { method: "POST", body: { status } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
