/** A phone number as written, as a link a phone can dial ("0523-61 30 00" → tel:0523613000). */
export function PhoneLink({ phone }: { phone: string }) {
  return <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`}>{phone}</a>;
}
