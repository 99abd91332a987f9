/**
 * When conform checks the case page's forms, the sign-in and Mitt konto: when they are sent,
 * not as each field is left. A message appearing as a field was left moved the button under
 * the pointer, and the click meant to send the form was lost (focus stayed on the button,
 * nothing was announced). Sent, a refused form moves focus to its first field in error; the
 * messages then follow the typing. (The intake form checks each field as it is left, with its
 * own error summary.)
 */
export const checkWhenSent = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;
