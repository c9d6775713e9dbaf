/** The shape every catalogue must have: the Spanish one's keys, every leaf a string. */
import type { es } from './es';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Catalogue = Strings<typeof es>;
