import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Wire } from "../../../lib/wire";
import type {
  AdminBrokerageView,
  acceptInvitationBodySchema,
  BrokerageStatus,
  BrokerageView,
  InvitationView,
  SignupBody,
} from "../../../modules/brokers/api";
import type { BrokerRole } from "../../../modules/brokers/rules/roles";
import { api, setCsrfToken } from "../../api/client";
import { type Profile, SESSION_KEY } from "../../app/session";

export type Brokerage = Wire<BrokerageView>;
export type AdminBrokerage = Wire<AdminBrokerageView>;
export type Invitation = Wire<InvitationView>;

/** Sign-up and invitation acceptance both log the new user in, like the login. */
function useLoggingIn<I>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: I) => api<Profile>(path, { method: "POST", body }),
    onSuccess: (profile) => {
      setCsrfToken(profile.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, profile);
    },
  });
}

export const useSignup = () => useLoggingIn<SignupBody>("/api/v1/brokerages");
export const useAcceptInvitation = () => useLoggingIn<z.input<typeof acceptInvitationBodySchema>>("/api/v1/broker-invitations/accept");

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["broker-invitation", token],
    queryFn: ({ signal }) =>
      api<{ orgName: string; email: string; role: BrokerRole }>(`/api/v1/broker-invitations/${encodeURIComponent(token)}`, { signal }),
    enabled: token.length >= 10,
    retry: false,
  });
}

export const useMyBrokerage = () =>
  useQuery({ queryKey: ["brokerage"], queryFn: ({ signal }) => api<Brokerage>("/api/v1/brokerage", { signal }), retry: false });

export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: ["brokerage", "invitations"],
    queryFn: async ({ signal }) => (await api<{ items: Invitation[] }>("/api/v1/brokerage/invitations", { signal })).items,
    enabled,
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: BrokerRole }) => api<Invitation>("/api/v1/brokerage/invitations", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["brokerage", "invitations"] }),
  });
}

const ADMIN_KEY = ["admin", "brokerages"] as const;

export function useAdminBrokerages(status: BrokerageStatus | "all") {
  return useQuery({
    queryKey: [...ADMIN_KEY, status],
    queryFn: async ({ signal }) =>
      (
        await api<{ items: AdminBrokerage[] }>("/api/v1/admin/brokerages", {
          signal,
          query: { status: status === "all" ? undefined : status },
        })
      ).items,
  });
}

export function useReviewBrokerage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      action: { orgId: string } & (
        | { kind: "verify" }
        | { kind: "refuse"; reason: string }
        | { kind: "categories"; partnerCategories: string[] }
      ),
    ) => {
      const base = `/api/v1/admin/brokerages/${action.orgId}`;
      if (action.kind === "verify") return api<Brokerage>(`${base}/verify`, { method: "POST" });
      if (action.kind === "refuse") return api<Brokerage>(`${base}/refuse`, { method: "POST", body: { reason: action.reason } });
      return api<Brokerage>(`${base}/partner-categories`, { method: "PUT", body: { partnerCategories: action.partnerCategories } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_KEY }),
  });
}
