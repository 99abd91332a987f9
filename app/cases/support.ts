import type { SupportMeasure } from "../../workflows";

/** The names of the voluntary support measures (frivilliga insatser), for pages and letters. */
export const supportMeasureNames: Record<"sv" | "en", Record<SupportMeasure, string>> = {
  sv: {
    parentalSupport: "Föräldrastöd",
    contactPerson: "Kontaktperson",
    supportConversations: "Stödsamtal",
    fieldTeam: "Kontakt med fältgruppen",
    familyCounselling: "Familjebehandling",
    youthCentre: "Aktiviteter på fritidsgården Borgen",
  },
  en: {
    parentalSupport: "Parental support",
    contactPerson: "Contact person",
    supportConversations: "Support conversations",
    fieldTeam: "Contact with the field team",
    familyCounselling: "Family treatment",
    youthCentre: "Activities at the Borgen youth centre",
  },
};
