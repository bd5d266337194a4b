// Inputs that differ by one kind of construct, for counting what each costs
// (`node bench/ab.mjs A B --count --inputs c-plain,c-em`; bench/README.md, "What a construct
// costs"): 400 paragraphs of one short sentence, each holding the construct once. A construct's
// cost is its input's count less c-plain's, divided by 400.

const paragraphs = (make) => Array.from({ length: 400 }, (_, i) => `${make(i)}\n\n`).join("");
const sentence = (i, construct) => `Paragraph number ${i} with ${construct} words in it.`;

export const CONSTRUCTS = [
  { id: "c-plain", name: "plain paragraphs", make: (i) => sentence(i, "some plain") },
  { id: "c-em", name: "an emphasis", make: (i) => sentence(i, "some *plain*") },
  { id: "c-code", name: "a code span", make: (i) => sentence(i, "some `plain`") },
  { id: "c-entity", name: "an entity", make: (i) => sentence(i, "some &amp; plain") },
  { id: "c-br", name: "a <br>", make: (i) => sentence(i, "some<br> plain") },
  { id: "c-b", name: "a <b> element", make: (i) => sentence(i, "some <b>plain</b>") },
  { id: "c-img", name: "an <img>", make: (i) => sentence(i, 'some <img src="a.png" alt=""> plain') },
  { id: "c-link", name: "a link", make: (i) => sentence(i, "some [plain](/a)") },
  // The same text with the header written as a paragraph: c-header less c-header-text is the header's.
  { id: "c-header", name: "a header before each", make: (i) => `## Section ${i} title\n\n${sentence(i, "some plain")}` },
  { id: "c-header-text", name: "the header's text as a paragraph", make: (i) => `Section ${i} title\n\n${sentence(i, "some plain")}` },
].map((construct) => ({ ...construct, text: paragraphs(construct.make) }));
