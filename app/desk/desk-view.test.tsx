/**
 * The desk's list of waiting proposals as the server renders it: what an approval's letters
 * would lack is said beside "Godkänn", before the team lead presses it.
 */
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

import type { WaitingProposal } from "./desk.server";
import { WaitingProposals } from "./desk-view";

const proposal = (overrides: Partial<WaitingProposal> = {}): WaitingProposal => ({
  id: "6f1c2b8e-3d4a-4e9b-a1c2-5d6e7f8a9b0c",
  referenceNumber: "VRN-2026-00031",
  childName: "Jens Utanadress",
  outcome: "noInvestigation",
  proposerName: "Sara Lindqvist",
  proposedAt: "2026-03-17T09:00:00.000Z",
  waitedDays: 3,
  reasoning: "Ingen oro kvar.",
  version: 7,
  canApprove: true,
  canReturn: true,
  letterWarnings: [],
  ...overrides,
});

async function render(proposals: WaitingProposal[]) {
  const { query, dataRoutes } = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "sv" }),
      children: [{ path: "skrivbord", element: <WaitingProposals proposals={proposals} error={null} /> }],
    },
  ]);
  const context = await query(new Request("http://localhost/skrivbord"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToString(<StaticRouterProvider router={createStaticRouter(dataRoutes, context)} context={context} hydrate={false} />);
}

describe("waiting proposals on the desk", () => {
  it("name who the approval's letters would reach with no address, and say when they would reach no one", async () => {
    const html = await render([
      proposal({ letterWarnings: [{ key: "recipientWithoutAddress", names: ["Anna Johansson", "Erik Johansson"] }] }),
      proposal({ id: "7a2d3c9f-4e5b-4fac-b2d3-6e7f8a9b0c1d", referenceNumber: "VRN-2026-00032", letterWarnings: [{ key: "noGuardianForLetters" }] }),
    ]);
    expect(html).toContain("Brev till Anna Johansson, Erik Johansson skrivs ut utan adress");
    expect(html).toContain("Det finns ingen bekräftad vårdnadshavare med vårdnad i ärendet.");
  });

  it("say nothing when the letters have somewhere to go", async () => {
    const html = await render([proposal()]);
    expect(html).not.toContain("letter-warning");
    expect(html).toContain("Godkänn");
  });
});
