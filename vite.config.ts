import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
const apiServer = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    // The Fastify server serves this folder, with index.html as the fallback for client routes.
    outDir: path.resolve(here, "dist/web"),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiServer, changeOrigin: false },
      "/docs": { target: apiServer, changeOrigin: false },
    },
  },
});
