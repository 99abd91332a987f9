/**
 * How a child's name (or a school's) is compared when a report without personnummer is matched
 * to an earlier case: case, diacritics, hyphens and whitespace do not count ("Åsa-Lena  Öberg"
 * and "asa lena oberg" are the same key). One SQL expression, used by the database for the
 * stored key (children.name_key, a generated column) and for the values it is compared with,
 * so both sides are normalised by exactly the same rule.
 *
 * translate() first, then lower(): lower() of a non-ASCII letter depends on the database's
 * locale, translate() does not.
 */
import { sql, type SQL } from "drizzle-orm";

const FROM = "ÀÁÂÃÄÅàáâãäåÆæÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžÐðÞþ";
const TO = "aaaaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyysszzddtt";

/** The normalising expression around a column name or a placeholder (SQL text). */
export function nameKeySql(expression: string): string {
  return `btrim(regexp_replace(lower(translate(${expression}, '${FROM}', '${TO}')), '[[:space:]-]+', ' ', 'g'))`;
}

/** The same expression around a value in a drizzle query (a column or a parameter). */
export function nameKeyOf(value: SQL): SQL {
  return sql`btrim(regexp_replace(lower(translate(${value}, ${sql.raw(`'${FROM}'`)}, ${sql.raw(`'${TO}'`)})), '[[:space:]-]+', ' ', 'g'))`;
}
