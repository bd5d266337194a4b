# Writes a table of sorted names as Rust source for src/kramdown/sorted_names.rs's SortedNames;
# the generators of the entity and language tables share it.
def sorted_names(const, names, doc)
  raise "#{const}: names must be sorted and distinct" unless names.each_cons(2).all? { |a, b| a < b }
  text = names.join
  raise "#{const}: too long for u16 ends" if text.bytesize > 65_535
  ends = names.map(&:bytesize).each_with_object([]) { |len, acc| acc << (acc.last || 0) + len }
  lines = ["/// #{doc}", "pub const #{const}: SortedNames = SortedNames {"]
  lines << "    text: #{text.inspect},"
  lines << "    ends: &["
  ends.each_slice(16) { |row| lines << "        #{row.join(', ')}," }
  lines << "    ],"
  lines << "};"
  lines.join("\n")
end

# A list of numbers as a Rust slice constant.
def numbers(const, type, values, doc)
  lines = ["/// #{doc}", "pub const #{const}: &[#{type}] = &["]
  values.each_slice(16) { |row| lines << "    #{row.join(', ')}," }
  lines << "];"
  lines.join("\n")
end
