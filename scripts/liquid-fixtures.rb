#!/usr/bin/env ruby
# Writes the expected HTML of Folio's Liquid fixtures with the real Jekyll (Debian's `jekyll`
# 4.3, `ruby-liquid` 5.4), so the tests need no Ruby.
#
#   ruby scripts/liquid-fixtures.rb            # every tests/fixtures/liquid/*.md
#   ruby scripts/liquid-fixtures.rb FILE.md... # just these
#
# Each CASE.md is a post (its name dated: `2016-12-23-raw.md`), built in a site made in a
# temporary folder with the `_config.yml` below (the profile `tests/liquid.rs` renders with);
# CASE.html is the post's converted body (no layout); for a post Jekyll stops on, CASE.error is
# its message instead (Folio must report an error there). Each post is rendered on its own, as
# `Site#render` does, so that one that stops does not stop the others, and with a payload of its
# own, as in a build of that post alone: `increment` and `decrement` keep their counters in the
# payload, where a build's other pages would count on.
require "jekyll"
require "tmpdir"
require "fileutils"

CONFIG = {
  "url" => "https://example.org",
  "baseurl" => "/blog",
  "timezone" => "Europe/Paris",
  "quiet" => true,
  "excerpt_separator" => "",
  "defaults" => [{ "scope" => { "path" => "" }, "values" => { "layout" => nil } }],
}.freeze

root = File.expand_path("..", __dir__)
cases = ARGV.empty? ? Dir[File.join(root, "tests/fixtures/liquid/*.md")].sort : ARGV.map { |f| File.expand_path(f) }
Dir.mktmpdir do |dir|
  FileUtils.mkdir_p(File.join(dir, "_posts"))
  cases.each { |c| FileUtils.cp(c, File.join(dir, "_posts")) }
  site = Jekyll::Site.new(Jekyll.configuration(CONFIG.merge("source" => dir, "destination" => File.join(dir, "_site"))))
  site.reset
  site.read
  site.generate
  site.posts.docs.each do |post|
    out = cases.find { |c| File.basename(c) == post.basename }.sub(/\.md\z/, "")
    FileUtils.rm_f(["#{out}.html", "#{out}.error"])
    begin
      File.write("#{out}.html", Jekyll::Renderer.new(site, post, site.site_payload).run)
    rescue StandardError => e
      File.write("#{out}.error", "#{e.class}: #{e.message.lines.first}")
    end
  end
end
puts "liquid-fixtures: wrote #{cases.size} expected outputs"
