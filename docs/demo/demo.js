// Says plainly which elements this build provides, rather than leaving blank space.
const status = document.getElementById('status');
const tags = ['compassion-course', 'meditation-player', 'reflection-journal'];
const missing = tags.filter((tag) => !customElements.get(tag));
if (missing.length) {
  status.textContent = `Not built yet in this version of compassion-kit: ${missing.map((t) => `<${t}>`).join(', ')}.`;
  for (const tag of missing) {
    for (const el of document.querySelectorAll(tag)) {
      const note = document.createElement('p');
      note.className = 'placeholder';
      note.textContent = `<${tag}> is not available in this build yet.`;
      el.replaceWith(note);
    }
  }
}
document.addEventListener('ck-step-complete', (e) => console.info('ck-step-complete', e.detail));
document.addEventListener('ck-practice-logged', (e) => console.info('ck-practice-logged', e.detail));
document.addEventListener('ck-entry-saved', (e) => console.info('ck-entry-saved', e.detail));
