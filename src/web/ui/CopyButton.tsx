import { useState } from "react";
import { Icon } from "./Icon";
import { useToast } from "./Toasts";

export function CopyButton({ text, label = "Copier" }: { text: string; label?: string }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2500);
    } catch {
      // Clipboard access needs a secure context or a permission the browser may refuse.
      toast.error("Copie impossible : sélectionnez le texte et copiez-le manuellement (Ctrl+C).");
    }
  }

  return (
    <button type="button" className="button button--secondary button--small" onClick={copy}>
      <Icon name={copied ? "check" : "copy"} size={16} />
      {copied ? "Copié" : label}
    </button>
  );
}
