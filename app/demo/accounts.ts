import type { Role } from "../auth/roles";

export const DEMO_PASSWORD = "demo-password";

export type DemoAccount = {
  email: string;
  role: Role;
  name: string;
  phone: string | null;
  organisation?: string;
  title?: string;
  mandatedReporter?: boolean;
  /** The organisation's designated contact: sees every report made from it. */
  organisationContact?: boolean;
};

/** The demo accounts of contracts.md (names invented; numbers from the municipality's page). */
export const demoAccounts: DemoAccount[] = [
  { email: "handlaggare@demo.varna.se", role: "caseworker", name: "Sara Lindqvist", phone: "0523-61 31 10", title: "Socialsekreterare" },
  { email: "handlaggare2@demo.varna.se", role: "caseworker", name: "Johan Berg", phone: "0523-61 31 12", title: "Socialsekreterare" },
  { email: "arbetsledare@demo.varna.se", role: "teamLead", name: "Maria Holm", phone: "0523-61 31 00", title: "1:e socialsekreterare" },
  { email: "granskare@demo.varna.se", role: "auditor", name: "Erik Sjöberg", phone: null, title: "Dataskyddsombud" },
  {
    email: "skola@demo.varna.se",
    role: "reporter",
    name: "Karin Ek",
    phone: "0523-61 35 40",
    organisation: "Gullmarsskolan",
    title: "Skolkurator",
    mandatedReporter: true,
    organisationContact: true,
  },
  {
    email: "larare@demo.varna.se",
    role: "reporter",
    name: "Anders Lund",
    phone: "0523-61 35 42",
    organisation: "Gullmarsskolan",
    title: "Lärare",
    mandatedReporter: true,
  },
  { email: "admin@demo.varna.se", role: "admin", name: "Per Admin", phone: null, title: "Systemförvaltare" },
];
