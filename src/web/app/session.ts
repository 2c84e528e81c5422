import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Wire } from "../../lib/wire";
import type { ProfileView } from "../../modules/accounts/api";
import { ApiError, api, setCsrfToken } from "../api/client";

export type Profile = Wire<ProfileView>;
export type Role = Profile["user"]["role"];

export const SESSION_KEY = ["session"] as const;

async function fetchSession(): Promise<Profile | null> {
  try {
    const profile = await api<Profile>("/api/v1/auth/session");
    setCsrfToken(profile.csrfToken);
    return profile;
  } catch (e) {
    // Not being logged in is a normal state for the login page, not an error.
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** The logged-in profile, for components rendered under the session guard only. */
export function useProfile(): Profile {
  const { data } = useSession();
  if (!data) throw new Error("useProfile() hors d'une page protégée");
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api<Profile>("/api/v1/auth/login", { method: "POST", body: credentials }),
    onSuccess: (profile) => {
      setCsrfToken(profile.csrfToken);
      // Another account may have been used in this tab before: nothing of it must show.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, profile);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/v1/auth/logout", { method: "POST" }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
