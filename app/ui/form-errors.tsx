/**
 * The errors of a form as a whole (not of one field), above its fields: one component for the
 * sign-in, Mitt konto and the case page's forms. `announce`: role="alert", for a page with no
 * other announcement of the failure (the case page has its own summary, ActionErrorSummary).
 */
export function FormErrors({ id, messages, announce = true }: { id: string; messages: string[] | undefined; announce?: boolean }) {
  if (!messages?.length) return null;
  return (
    <div className="alert" role={announce ? "alert" : undefined} id={id}>
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
