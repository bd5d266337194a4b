#!/usr/bin/env ruby
# Writes what Jekyll's own `Utils.slugify` (Debian's Jekyll 4.3.1, Ruby 3.1's regexps, Unicode
# 13) makes of titles, which tests/slugify.rs compares src/slug.rs with (Ruby is needed only to
# regenerate):
#
#   scripts/slugify-fixtures.rb
#
# tests/fixtures/slugify/cases.jsonl: each text below in each mode Jekyll has (and `none`, a name
# it does not know), cased or not, one JSON object a line: {"text", "mode", "cased", "slug"}.
# tests/fixtures/slugify/letters.txt: the code points `[\p{M}\p{L}\p{Nd}]` matches (what the
# default and pretty modes keep), as ranges `FIRST LAST` in hexadecimal, one a line.
require "jekyll"
require "json"

TEXTS = [
  "Hello World", "  Hello, World!  ", "The Quick Brown Fox.md", "2016-12-23-Hello World", "--a--b--", "-", "",
  "a - b", "a\tb\nc\r\nd\ve\ff", "C'est l'été à Paris", "don’t stop", "«Guillemets» — tirets – et…",
  "Ünïcödé Çà Œuvre Straße ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
  (0x100..0x17F).map { |cp| [cp].pack("U") }.join, "İstanbul ǅ ǈ ĳ ŉ ſ",
  "Ωμέγα ΣΟΦΙΑΣ Σίσυφος", "Привет, мир! Ёжик", "مرحبا بالعالم ٣ ١٢", "שָׁלוֹם עולם", "中文标题 日本語のタイトル 한국어 제목",
  "हिन्दी शीर्षक ४२", "ภาษาไทย ๑๒", "emoji 🎉 party 👍🏽 ❤️ 🇫🇷 👨‍👩‍👧", "e\u0301 a\u0308 n\u0303 \u20DD", "ℕ ℝ ℃ № ™ Ω K Å ℮",
  "Ⅻ ⅷ ² ½ ① ⓐ Ⓐ 🄰", "Ｆｕｌｌｗｉｄｔｈ　ＡＢＣ １２３", "snake_case_name ‿ ＿", "file.name.tar.gz", "v1.2.3",
  "~!$&'()+,;=@", "#hash?query%20[x]{y}<z>\"q\"`b`^c|d\\e*f:g/h", "a\u00A0b\u2003c\u3000d", "zero\u200Bwidth\u200Cjoin\u200Dx",
  "a\u00ADb", "x\uFE0Fy", "𝐀𝐁𝐂 𝔸", "Ⴀ ა Ᵽ ꭰ Ꭰ", "Ⰿ ⰿ \u2C2F \uA7C0 \u{10570} \u{16A70}",
]
MODES = %w[raw default pretty ascii latin none].freeze

root = File.expand_path("..", __dir__)
dir = File.join(root, "tests/fixtures/slugify")
Dir.mkdir(dir) unless Dir.exist?(dir)
Jekyll.logger.log_level = :error # its warning on an empty slug
cases = TEXTS.product(MODES, [false, true]).map do |text, mode, cased|
  JSON.generate({ "text" => text, "mode" => mode, "cased" => cased, "slug" => Jekyll::Utils.slugify(text.dup, mode: mode, cased: cased) })
end
File.write(File.join(dir, "cases.jsonl"), cases.join("\n") + "\n")

letters = []
(0..0x10FFFF).each do |cp|
  next if (0xD800..0xDFFF).cover?(cp) || [cp].pack("U") !~ /[\p{M}\p{L}\p{Nd}]/
  if letters.last && letters.last[1] == cp - 1 then letters.last[1] = cp else letters << [cp, cp] end
end
File.write(File.join(dir, "letters.txt"), letters.map { |a, b| format("%X %X\n", a, b) }.join)
puts "slugify-fixtures: #{cases.size} cases (#{TEXTS.size} texts × #{MODES.size} modes × cased or not), #{letters.size} ranges of letters"
