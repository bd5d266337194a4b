#!/usr/bin/env ruby
# Writes what the real Jekyll (Debian's 4.3) makes of the front matter of each Markdown file
# of tests/fixtures/site-defaults, so that tests/cli.rs needs no Ruby:
#
#   ruby scripts/defaults-fixtures.rb   # writes tests/fixtures/site-defaults/jekyll.json
#
# For each file (by its path in the site): `frontMatter`, the site's defaults merged under the
# file's own front matter by Jekyll's own code (`FrontmatterDefaults#all`, then
# `Utils.deep_merge_hashes`, the file's YAML read by `Utils.safe_load_yaml`), before Jekyll adds what it derives (a post's title, slug…), its
# `date` left out; `date`, the date Jekyll gives the file (a post's; for the rest, a default's or none: Jekyll dates drafts and documents when it builds them);
# `body`, its converted body (no layout).
require "jekyll"
require "json"
require "tmpdir"

root = File.expand_path("../tests/fixtures/site-defaults", __dir__)
Dir.mktmpdir do |out|
  config = Jekyll.configuration("source" => root, "destination" => out, "quiet" => true, "show_drafts" => true)
  site = Jekyll::Site.new(config)
  site.process
  files = (site.pages + site.documents).select { |f| f.extname == ".md" }
  result = files.sort_by { |f| File.expand_path(f.path, root) }.to_h do |file|
    path = File.expand_path(file.path, root)
    own = Jekyll::Utils.safe_load_yaml(File.read(path)[Jekyll::Document::YAML_FRONT_MATTER_REGEXP, 1]) || {}
    data = Jekyll::Utils.deep_merge_hashes(site.frontmatter_defaults.all(file.relative_path, file.type), own)
    date = file.is_a?(Jekyll::Document) && file.collection.label == "posts" && !file.data["draft"] ? file.date : data["date"]
    entry = { "frontMatter" => data.except("date"), "date" => date&.iso8601, "body" => file.content }
    [path.delete_prefix("#{root}/"), entry]
  end
  File.write(File.join(root, "jekyll.json"), JSON.pretty_generate(result) + "\n")
end
