import { loadConfig } from "./config";
import { start } from "./start";

const config = loadConfig();
const running = await start(config);
const where = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite embarqué (${config.DATA_DIR})`;
const lines = [
  "",
  `LeadsAssurance démarré : ${running.url}`,
  `  Base de données : ${where}`,
  `  Documentation de l'API : ${running.url}/docs`,
];
if (running.demo) {
  lines.push("  Comptes de démonstration (mot de passe identique pour tous) :");
  for (const a of running.demo.accounts) lines.push(`    ${a.label.padEnd(28)} ${a.email}  /  ${a.password}`);
  lines.push(`  Clé API de l'apporteur de démonstration : ${running.demo.supplierApiKey}`);
}
console.log(lines.join("\n"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
