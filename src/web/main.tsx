import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./ui/styles/base.css";
import "./ui/styles/layout.css";
import "./ui/styles/components.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root manquant dans index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
