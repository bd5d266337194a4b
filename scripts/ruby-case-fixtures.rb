#!/usr/bin/env ruby
# Writes Ruby's `upcase`, `downcase` and `capitalize` (Ruby 3.1, Unicode 13) of every character they change,
# which tests/ruby_case.rs compares src/ruby_case.rs with (Ruby is needed only to regenerate):
#
#   scripts/ruby-case-fixtures.rb
#
# tests/fixtures/ruby_case.txt: one line a character, `CODE UPCASE DOWNCASE CAPITALIZE`, each a list
# of code points in hexadecimal joined by commas.
root = File.expand_path("..", __dir__)
lines = (0..0x10FFFF).filter_map do |i|
  next if i.between?(0xD800, 0xDFFF)
  c = i.chr(Encoding::UTF_8)
  up, down, title = c.upcase, c.downcase, c.capitalize
  next if up == c && down == c && title == c
  hex = ->(s) { s.codepoints.map { |x| x.to_s(16) }.join(",") }
  "#{i.to_s(16)} #{hex[up]} #{hex[down]} #{hex[title]}"
end
File.write(File.join(root, "tests/fixtures/ruby_case.txt"), lines.join("\n") + "\n")
