/**
 * The 11 social topics in the authors' code order (method.md §2).
 * "Role of Government" was dropped by the authors and is not part of the study.
 */
export const TOPICS = [
  "Politics",
  "Social Networks",
  "Social Inequality",
  "Family & Changing Gender Roles",
  "Work Orientation",
  "Religion",
  "Environment",
  "National Identity",
  "Citizenship",
  "Leisure Time and Sports",
  "Health and Health Care",
] as const;

export type Topic = (typeof TOPICS)[number];

/** The paper's short labels (Table 13 header). */
export const TOPIC_SHORT_LABEL: Record<Topic, string> = {
  Politics: "Politics",
  "Social Networks": "SocialNet",
  "Social Inequality": "Inequality",
  "Family & Changing Gender Roles": "Family",
  "Work Orientation": "Work",
  Religion: "Religion",
  Environment: "Environment",
  "National Identity": "Identity",
  Citizenship: "Citizenship",
  "Leisure Time and Sports": "Leisure",
  "Health and Health Care": "Health",
};
