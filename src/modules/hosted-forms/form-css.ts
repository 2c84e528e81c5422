/** The hosted forms' one stylesheet (served from /f/assets/form.css: the CSP allows no inline style). Mobile first. */
export const FORM_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2330;background:#f3f5f8}
.card{max-width:560px;margin:0 auto;background:#fff;padding:20px 16px 28px;min-height:100vh}
@media (min-width:600px){.card{margin:24px auto;border-radius:12px;box-shadow:0 2px 12px rgba(20,30,50,.08);min-height:0;padding:28px 32px}}
h1{font-size:1.35rem;margin:0 0 4px;color:#0d3b66}
.intro{margin:0 0 16px;color:#4a5567}
fieldset{border:0;padding:0;margin:0 0 18px}
legend{font-weight:600;font-size:1.05rem;margin-bottom:8px;color:#0d3b66}
label.field{display:block;margin:0 0 12px;font-weight:500}
label.field span.req{color:#b3261e}
input[type=text],input[type=tel],input[type=email],input[type=date],select{display:block;width:100%;margin-top:4px;padding:11px 12px;font:inherit;border:1px solid #b8c2d0;border-radius:8px;background:#fff}
input:focus,select:focus{outline:2px solid #1f6feb;outline-offset:1px}
.row2{display:grid;grid-template-columns:1fr;gap:0 12px}
@media (min-width:480px){.row2{grid-template-columns:1fr 1fr}}
.choices{display:flex;flex-wrap:wrap;gap:8px;margin-top:6px}
.chip{position:relative}
.chip input{position:absolute;opacity:0;inset:0}
.chip span{display:inline-block;padding:9px 12px;border:1px solid #b8c2d0;border-radius:999px;background:#fff;font-weight:500;min-width:64px;text-align:center}
.chip input:checked+span{background:#0d3b66;border-color:#0d3b66;color:#fff}
.chip input:focus-visible+span{outline:2px solid #1f6feb;outline-offset:1px}
.day{margin:10px 0 2px;font-weight:600}
.day::first-letter{text-transform:uppercase}
.label{margin:14px 0 2px;font-weight:600}
.consent{border:1px solid #d5dbe4;border-radius:10px;padding:12px;margin:0 0 14px;background:#f8fafc}
.consent label{display:flex;gap:10px;align-items:flex-start;font-weight:600}
.consent input[type=checkbox]{width:22px;height:22px;flex:none;margin-top:1px}
.consent .text{font-size:.88rem;color:#3b4656;margin:8px 0 0}
.consent ul{font-size:.85rem;margin:6px 0 0;padding-left:20px;color:#3b4656}
.consent .version{font-size:.75rem;color:#6b7587;margin-top:6px}
button.primary{display:block;width:100%;padding:14px;font:inherit;font-weight:700;font-size:1.05rem;color:#fff;background:#0d3b66;border:0;border-radius:10px;cursor:pointer}
button.primary:hover{background:#134e86}
.errors{border:1px solid #e4a5a0;background:#fdf1f0;color:#8c1d18;border-radius:10px;padding:10px 14px;margin:0 0 16px}
.errors ul{margin:6px 0 0;padding-left:18px}
.notice{border:1px solid #a9c4e4;background:#eef4fb;color:#0d3b66;border-radius:10px;padding:10px 14px;margin:0 0 16px}
.error{display:block;color:#b3261e;font-size:.88rem;font-weight:500;margin-top:3px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.small{font-size:.8rem;color:#6b7587;margin-top:14px}
.ok{font-size:1.1rem}
`;
