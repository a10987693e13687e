/**
 * The 12 countries of the study in the authors' code order (method.md §2).
 * Scenario rows are country-major in this order.
 */
export const COUNTRIES = [
  "United States",
  "India",
  "Pakistan",
  "Nigeria",
  "Philippines",
  "United Kingdom",
  "Germany",
  "Uganda",
  "Canada",
  "Egypt",
  "France",
  "Australia",
] as const;

export type Country = (typeof COUNTRIES)[number];

/** The paper's table abbreviations (Table 3). */
export const COUNTRY_ABBREVIATION: Record<Country, string> = {
  "United States": "US",
  India: "IND",
  Pakistan: "PAK",
  Nigeria: "NRA",
  Philippines: "PHIL",
  "United Kingdom": "UK",
  Germany: "GER",
  Uganda: "UG",
  Canada: "CA",
  Egypt: "EG",
  France: "FR",
  Australia: "AUS",
};

/** Plot labels of the authors' notebooks (`vis_countries`). */
export const COUNTRY_PLOT_LABEL: Record<Country, string> = {
  "United States": "US",
  India: "India",
  Pakistan: "Pakistan",
  Nigeria: "Nigeria",
  Philippines: "Philippines",
  "United Kingdom": "UK",
  Germany: "Germany",
  Uganda: "Uganda",
  Canada: "Canada",
  Egypt: "Egypt",
  France: "France",
  Australia: "Australia",
};

/** Column order of the paper's Table 3 (not the code order). */
export const TABLE3_COUNTRY_ORDER: readonly Country[] = [
  "United States",
  "Canada",
  "Germany",
  "United Kingdom",
  "France",
  "Australia",
  "India",
  "Pakistan",
  "Philippines",
  "Nigeria",
  "Egypt",
  "Uganda",
];
