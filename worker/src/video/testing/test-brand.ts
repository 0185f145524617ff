/** Brand colours for test templates. */
export const testBrand = {
  primary: '#1E3A8A',
  secondary: '#3B82F6',
  accent: '#FACC15',
  text: '#FFFFFF',
  background: '#102030',
};
