// Types for the few `natural` stemmer modules the engine loads directly: importing the package root
// pulls in every classifier and corpus (over a second of start-up), the single stemmers load in milliseconds.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_de.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
