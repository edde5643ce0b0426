// Read by `cem analyze` (npm run analyze). The manifest is the public contract: Storybook's
// Controls, the React and Vue typings and the editor hints are all built from it, so members a
// clinic must not use (private, protected, `_` or `#` names) are left out of it here.
const hidden = (member) => (member.privacy && member.privacy !== 'public') || /^[_#]/.test(member.name);

export default {
  plugins: [
    {
      name: 'compassion-kit-public-only',
      packageLinkPhase({ customElementsManifest }) {
        // Only modules that define an element (or the base they extend, once inheritance is applied):
        // routing helpers, English strings and constants in src/elements/ are not part of the contract,
        // and the package carries the manifest (issue 15: each thing once, under 1.5 MB).
        customElementsManifest.modules = (customElementsManifest.modules ?? []).filter((mod) => mod.declarations?.some((d) => d.customElement));
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(m));
          }
        }
      },
    },
  ],
};
