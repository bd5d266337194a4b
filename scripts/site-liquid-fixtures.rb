#!/usr/bin/env ruby
# Writes what the real Jekyll (Debian's 4.3.1, ruby-liquid 5.4) makes of the site
# tests/fixtures/site-liquid, whose posts and pages use the Liquid tags that need the site
# (`include`, `include_relative`, `post_url`, `link`, `page.url`), so that tests/site_liquid.rs
# needs no Ruby:
#
#   ruby scripts/site-liquid-fixtures.rb
#
# - expected/CONFIG/PATH.html: each page's and post's converted body (no layout), built with
#   `_config.yml` and, but for `default`, `_config.CONFIG.yml` over it (as `--config` merges);
# - errors/jekyll.json: for each errors/NAME.md, the error Jekyll stops on when that post is
#   put in the site's `_posts`.
require "jekyll"
require "json"
require "tmpdir"
require "fileutils"

root = File.expand_path("../tests/fixtures/site-liquid", __dir__)
configs = Dir[File.join(root, "_config.*.yml")].map { |f| File.basename(f)[/_config\.(.+)\.yml/, 1] }.sort

def build(source, configs)
  Dir.mktmpdir do |out|
    files = configs.map { |c| File.join(source, c) }
    config = Jekyll.configuration("source" => source, "destination" => out, "quiet" => true, "config" => files)
    site = Jekyll::Site.new(config)
    site.process
    yield site
  end
end

FileUtils.rm_rf(File.join(root, "expected"))
(["default"] + configs).each do |name|
  files = ["_config.yml"] + (name == "default" ? [] : ["_config.#{name}.yml"])
  build(root, files) do |site|
    (site.pages + site.posts.docs).select { |f| f.extname == ".md" }.each do |file|
      out = File.join(root, "expected", name, file.relative_path.sub(/\.md\z/, ".html"))
      FileUtils.mkdir_p(File.dirname(out))
      File.write(out, file.output)
    end
  end
end

errors = Dir[File.join(root, "errors/*.md")].sort.to_h do |case_file|
  message = Dir.mktmpdir do |dir|
    FileUtils.cp_r(Dir.glob(File.join(root, "*"), File::FNM_DOTMATCH).reject { |f| File.basename(f) =~ /\A(\.|\.\.|errors|expected)\z/ }, dir)
    FileUtils.cp(case_file, File.join(dir, "_posts"))
    build(dir, ["_config.yml"]) { nil }
    nil
  rescue StandardError => e
    "#{e.class}: #{e.message.lines.first.strip.gsub(%r!/tmp/[^/]+/!, "SITE/")}"
  end
  [File.basename(case_file), message]
end
File.write(File.join(root, "errors/jekyll.json"), JSON.pretty_generate(errors) + "\n")
puts "site-liquid-fixtures: #{configs.size + 1} builds, #{errors.size} error cases"
