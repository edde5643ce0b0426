// If the compassion-kit script never arrives (not built, blocked), say so plainly instead of
// leaving empty space where the elements should be.
const status = document.getElementById('status');
const tags = ['compassion-program', 'compassion-course', 'meditation-player', 'reflection-journal'];
const timeout = new Promise((resolve) => setTimeout(resolve, 10000, 'timeout'));
Promise.race([Promise.all(tags.map((t) => customElements.whenDefined(t))), timeout]).then((result) => {
  if (result !== 'timeout') return;
  const missing = tags.filter((t) => !customElements.get(t));
  status.textContent = `These elements did not load: ${missing.map((t) => `<${t}>`).join(', ')}. Run \`npm start\`, which builds dist/cdn/compassion-kit.js before serving this page.`;
});
// What a clinic's page can observe: ids and counts only, never journal text.
for (const type of ['ck-step-complete', 'ck-week-complete', 'ck-practice-logged', 'ck-entry-saved', 'ck-storage-status', 'ck-error']) {
  document.addEventListener(type, (e) => console.info(type, e.detail));
}
