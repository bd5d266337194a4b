#!/usr/bin/env ruby
# Writes tests/fixtures/floats/cases.tsv: YAML floats, what Ruby (Psych, then Float#to_s) makes of
# each, and the JSON text Folio writes for it (serde_json's layout, which tests/floats.rs checks
# against serde_json itself). Native and WebAssembly builds read and write floats with different
# platforms (src/float.rs); both are tested on these cases. Ruby is needed only to regenerate:
#
#   scripts/float-fixtures.rb
require "yaml"

CASES = %w[
  1.5 -2.25 0.1 .5 -.5 3. 100.0 1_000.5 1,000.25 +12.0 0.0 -0.0
  0.30000000000000004 123456789.125 999999999999999.9 123456789012345.0
  1.0e+15 1.5e+15 9007199254740993.0 1.0e+16 6.02e+23 1.7976931348623157e+308
  0.001 0.0001 0.00015 1.0e-05 1.5e-07 2.5e-300 5.0e-324 4.9e-324 1.0e+400
  1:30.5 -1:00:00.25
]

# serde_json's layout of the shortest digits: plain from 1e-5 to below 1e16, else `1.5e-7`, `1e+16`.
def json(f)
  return "null" unless f.finite?
  sign = f.negative? || (f.zero? && 1.0 / f < 0) ? "-" : ""
  mantissa, exponent = format("%s", f.abs.to_s).split("e")
  whole, fraction = mantissa.split(".")
  digits = (whole + fraction).sub(/\A0+/, "")
  exponent = exponent.to_i + whole.length - 1 - (whole + fraction).length + (whole + fraction).sub(/\A0+/, "").length
  digits = digits.sub(/0+\z/, "")
  digits = "0" if digits.empty?
  exponent = 0 if digits == "0"
  if (-5..15).cover?(exponent)
    if exponent >= 0
      int = digits.ljust(exponent + 1, "0")
      sign + int[0..exponent] + "." + (int[exponent + 1..].to_s.empty? ? "0" : int[exponent + 1..])
    else
      sign + "0." + "0" * (-exponent - 1) + digits
    end
  else
    sign + digits[0] + (digits.length > 1 ? "." + digits[1..] : "") + "e" + (exponent < 0 ? "-" : "+") + exponent.abs.to_s
  end
end

path = File.expand_path("../tests/fixtures/floats/cases.tsv", __dir__)
File.open(path, "w") do |out|
  out.puts "# YAML\tRuby's Float#to_s\tJSON (serde_json's layout); written by scripts/float-fixtures.rb"
  CASES.each do |text|
    value = YAML.safe_load("v: #{text}")["v"]
    raise "#{text} is not a float in Ruby: #{value.inspect}" unless value.is_a?(Float)
    out.puts [text, value.to_s, json(value)].join("\t")
  end
end
