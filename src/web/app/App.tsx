import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router/dom";
import { ToastProvider } from "../ui/Toasts";
import { createQueryClient } from "./query-client";
import { createAppRouter } from "./router";
import { FEATURES } from "./routes";

const queryClient = createQueryClient();
const router = createAppRouter(FEATURES);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
