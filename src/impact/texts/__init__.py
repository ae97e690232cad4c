"""String catalogues per area; see impact.i18n."""
