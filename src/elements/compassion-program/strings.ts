/** The words `<compassion-program>` shows itself while its program loads or when it cannot. */
export interface ProviderStrings {
  loading: string;
  errorTitle: string;
}

export const PROVIDER_STRINGS_EN: ProviderStrings = {
  loading: 'Loading the program…',
  errorTitle: 'This program cannot be shown right now',
};
