#!/usr/bin/env ruby
# Writes what Ruby's YAML (Psych) reads from the front matter of every corpus article, as the
# fixtures that tests/front_matter_ruby.rs compares Folio's reading with (Ruby is needed only to
# regenerate them, not to run the tests):
#
#   scripts/front-matter-fixtures.rb [CORPUS_DIR]    # default: ../shared/corpus beside the repository
#
# For each article under CORPUS_DIR/jekyll/** and CORPUS_DIR/seed/, the front matter is cut out
# with Jekyll's YAML_FRONT_MATTER_REGEXP and read with
# `YAML.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)`, with TZ=UTC, into
# tests/fixtures/front_matter/<source>/<path>.json as {"yaml": the text read, "ruby": the value}.
# The text is kept so the test stands alone; where the corpus is present, the test also checks
# that Folio cuts out that same text.
#
# JSON has no dates, times or non-finite floats, so they are written as one-key objects:
#   {"$date": "2016-12-23"}                      a Date
#   {"$time": "2016-12-23T17:50:00+01:00"}       a Time: ISO 8601, fraction only when non-zero, offset always
#   {"$float": "NaN" | "Infinity" | "-Infinity"}
# Mapping keys are written with Ruby's to_s. When Ruby refuses the front matter, the file holds
# {"$error": "<exception class>"}; when there is no front matter, {"$none": true}.
require "yaml"
require "json"
require "date"
require "fileutils"

ENV["TZ"] = "UTC"
FRONT_MATTER = /\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)/m

def plain(value)
  case value
  when Hash then value.each_with_object({}) { |(k, v), h| h[k.to_s] = plain(v) }
  when Array then value.map { |v| plain(v) }
  when Time
    fraction = value.nsec.zero? ? "" : "." + format("%09d", value.nsec).sub(/0+\z/, "")
    { "$time" => value.strftime("%Y-%m-%dT%H:%M:%S") + fraction + value.strftime("%:z") }
  when Date then { "$date" => value.strftime("%Y-%m-%d") }
  when Float then value.finite? ? value : { "$float" => value.to_s }
  else value
  end
end

corpus = File.expand_path(ARGV[0] || File.join(__dir__, "../../shared/corpus"))
abort "front-matter-fixtures: no corpus at #{corpus}" unless File.directory?(corpus)
out_root = File.expand_path("../tests/fixtures/front_matter", __dir__)
FileUtils.rm_rf(out_root)
articles = Dir.glob("#{corpus}/{jekyll,seed}/**/*.{md,markdown}").sort
articles.each do |path|
  relative = path.delete_prefix("#{corpus}/")
  relative = relative.delete_prefix("jekyll/")
  source = File.read(path, encoding: "bom|utf-8")
  match = FRONT_MATTER.match(source)
  yaml = match && match[1].sub(/\A---\s*\n/, "")
  ruby =
    if yaml
      begin
        plain(YAML.safe_load(match[1], permitted_classes: [Date, Time], aliases: true) || {})
      rescue Psych::Exception, ArgumentError => e
        { "$error" => e.class.name }
      end
    else
      { "$none" => true }
    end
  out = File.join(out_root, relative + ".json")
  FileUtils.mkdir_p(File.dirname(out))
  File.write(out, JSON.pretty_generate({ "yaml" => yaml, "ruby" => ruby }) + "\n")
end
puts "front-matter-fixtures: #{articles.size} articles -> #{out_root.delete_prefix(Dir.pwd + '/')}"
