// The one form of Vite's import.meta.glob the example browser uses (vite/client declares it, but
// including it would add its asset module declarations to every program that type-checks host/).
interface ImportMeta {
  glob(
    pattern: string,
    options: { readonly query: '?raw'; readonly import: 'default'; readonly eager: true },
  ): Record<string, string>;
}
