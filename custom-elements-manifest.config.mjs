// Read by `cem analyze` (npm run analyze). The manifest is the public contract: Storybook's
// Controls, the React and Vue typings and the editor hints are all built from it, so members a
// clinic must not use (private, protected, `_` or `#` names) are left out of it here.
const hidden = (member) => (member.privacy && member.privacy !== 'public') || /^[_#]/.test(member.name);

export default {
  plugins: [
    {
      name: 'compassion-kit-public-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(m));
          }
        }
      },
    },
  ],
};
