// Mantine's PostCSS preset: rem/em helpers, light/dark and breakpoint mixins.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
