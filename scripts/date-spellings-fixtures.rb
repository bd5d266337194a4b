#!/usr/bin/env ruby
# Writes how Ruby's `Time.parse` reads spellings of a front matter `date`, as Jekyll reads a
# text date (`Time.parse(text).localtime`, TZ the site's zone), into
# tests/fixtures/date_spellings.tsv, which tests/date_spellings.rs compares Folio's reading
# with (Ruby is needed only to regenerate it):
#
#   scripts/date-spellings-fixtures.rb
#
# The spellings are crossed from lists of parts: day names × dates, dates × times, times ×
# zones, zone names × places in the text × site zones, then odd cases one by one. Each line is
# `zone TAB text TAB ruby TAB folio`:
#   ruby   the moment, ISO 8601 with the zone's offset (fraction only when there is one);
#          `refused` where Ruby raises ArgumentError (Jekyll stops: "Invalid date");
#          `today` where the answer depends on the day it is read (no year, no date).
#   folio  `reads` for the spellings Folio must read as Ruby does; `reports` for those it
#          reports though Ruby reads them (a part marked `!` below: years past ±100,000, letters
#          that Unicode folds into ASCII ones).
require "time"

ZONES = ["Europe/Paris", "America/New_York"]
# Where a zone name matters: Ruby reads a name outside its own table only as the site zone's
# abbreviation on January 1st or July 1st of the year.
ZONE_SITES = ["Europe/Paris", "America/New_York", "Europe/London", "Asia/Tokyo", "UTC"]

DAYS = ["", "Fri ", "Fri, ", "Friday, ", "Mon ", "fri. "]
DATES = [
  "23 Dec 2016", "23 December 2016", "23rd December 2016", "23 Dec, 2016", "1 jan 2016", "2016 Dec 23",
  "Dec 23 2016", "December 23, 2016", "Dec. 23, 2016", "Dec 23rd, 2016", "Sept 3 2016", "sep 3 2016", "DEC 23 2016",
  "Dec 2016", "2016 Dec", "Juni 23 2016", "23 mars 2016",
  "2016/12/23", "23/12/2016", "1/2/2016", "12/23/2016", "2016/2/3", "2016/12",
  "23.12.2016", "2016.12.23", "1.2.2016",
  "23-12-2016", "23-Dec-2016", "Dec-23-2016", "2016-Dec-23", "2016-12-23", "2016-1-2",
  "20161223", "Feb 29 2015", "Feb 30 2016", "Apr 31 2016", "Dec 32 2016", "13/13/2016", "Dec 0 2016",
  "Dec 23", "23 Dec", "23/12", "Dec 23 16", "23.12.16", "23/12/16", "0216-12-23",
]
TIMES = [
  "", " 17:50", " 17:50:30", " 17:50:30.25", " 17:50:30,5", " 5:50pm", " 5:50 PM", " 5:50 p.m.", " 5pm", " 5 pm",
  " 12am", " 12pm", " 0pm", " 13pm", " 17h50", " 17h", " 24:00", " 24:30", " 25:00", " 23:60", " 23:59:60",
  " at 5:50 pm", ", 10:00", " @ 10:00", " 9:05:07.123456789",
]
ZONE_TEXTS = [
  "", " +0100", " -05:00", " +01", " -0330", " +01:00:30", "Z", " Z", " UTC", " GMT", " UT", " EST", " PDT", " cdt",
  " A", " N", " +1", " UTC+1", " GMT+01:00", " +2500", " +0160", " -00:00",
  " CET", " CEST", " foo", " Eastern Standard Time",
]
ODD = [
  "", "next tuesday", "Friday", "10:00", "5pm", "2016", "201612",
  "10:00 Dec 23 2016", "10:00, Dec 23 2016", "20161223, 10:00", "20161223 10:00", "161223",
  "Dec 23 2016 10:00 10:00", "2016-12-23 10:00 Dec", "Posted on Dec 23 2016", "23rd of December 2016",
  "Fri, 23 Dec 2016 17:50:00 +0100", "Friday, December 23rd, 2016 at 5:50 PM", "2016-12-23T17:50:00.123 EST",
  "2016-12-23T17:50 +1", "2016-12-23 17:50 Etc/UTC", "2016-12-23 17:50:00 +01:00", "23 décembre 2016",
  "Dec 23 2016 5pmEST", "Dec 23 2016 17:50EST", "Dec 23 2016 17:50+0100", "2016-12-23 17:50 +01:0",
  "Dec 23\u00a0 2016", "(Dec 23 2016)", "Dec 23 2016 10:00:00.", "2016-07-14 02:30", "2016-03-27 02:30",
  "2016-10-30 02:30", "Dec 23 2016 [10:00]", "'Dec 23 2016", "Dec 23 2016 17:50 +01:00 extra",
]
# Runs of digits (ISO 8601's basic format, `Date._parse`'s last pattern), then what may follow
# them: the digits of a time (after a `T` or a space), a fraction, a zone.
RUNS = [
  "20161223", "2016358", "20160230", "20161323", "20161232", "2016366", "2015366", "2016000",
  "161223", "16358", "1223", "358", "23", "2016", "201612", "2016W515",
]
RUN_TIMES = [
  "", "T175000", "t175000", "T1750", "T17", " 175000", " 1750", "175000", "1750", "17", "T175000.5", "T175000,25",
  "T175000.", "T175000.123456789", "T1750.5", " 17:50", "T17:50", "T240000", "T245000", "T250000", "T176000",
  "T175060", "T175061", "T", " T 175000", "T17500", "T175", "T1750001", "Tab1750", "T17x50", ".5", ",",
]
RUN_ZONES = [
  "", "Z", "z", " Z", "+0100", " +0100", "-05", "-0530", " -0000", "+1", "+100", "+01000", "Zulu", " EST",
  " +01:00", " -05:30", " Fri",
]
LONG_RUNS = [
  "20161223175000", "201612231750", "2016122317", "20161223175000.5", "20161223175000,5", "201612231750.5",
  "2016122317.5", "20161223.5", "20161223175", "2016122317500", "201612231", "2016122317500012", "201612231750 00",
  "2016122317 50", "20161223 17:50 175000", "20161223Z 10:00", "2016358T", "-20161223", "+20161223", "20161223-",
]
# Ordinal dates joined by a dash (ISO 8601's extended format), which Ruby reads before the runs:
# then it ignores what it does not take for a time. Ruby places the day by reading the time on
# another day first, so that one reaching into the next day lands a day early.
ORDINALS = [
  "2016-358", "16-358", "2016-366", "2015-366", "2016-000", "2016-367", "2016-001", "2016-060", "2015-060",
  "2016-36", "2016-3580", "016-358", "-358", "2016-W51-5", "2016-W51",
]
ORDINAL_TIMES = [
  "", " 17:50", " 5pm", " 17:50:30.5", " 17:50 +0100", " 17:50 EST", " 17:50:60", ",", "T17:50", "T1750", "Z",
  "+0100", " +0100", " 175000", ".5", " T17:50",
]
ORDINAL_ODD = ["2016-358 24:00", "2016-358 23:59:60", "2016-001 24:00", "2016358T240000", "2016358T235960", "2016001T240000"]
# Zone names in several places of the text (after a time, inside an RFC 2822 date, before the
# date, with no time), in winter and summer, each read in each of ZONE_SITES: Ruby's own table
# (RFC 822's names, the military letters) is fixed offsets; any other name it reads only as the
# site zone's abbreviation on January 1st (else July 1st), and ignores otherwise.
ZONE_NAMES = [
  "CET", "CEST", "cet", "Cest", "EST", "EDT", "est", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "gmt", "UT",
  "UTC", "Z", "z", "A", "J", "M", "N", "Y", "BST", "IST", "JST", "WET", "EET", "MSK", "HST", "AKST", "LMT", "XYZ",
  "Eastern Standard Time", "Central European Daylight Time", "CET DST", "E.S.T.", "GMT+1", "UTC-05:00", "Europe/Paris",
  "éé",
]
ZONE_PLACES = [
  "Dec 23 2016 17:50 %s", "Jul 14 2016 17:50 %s", "Jul 14 2016 5pm %s", "2016-12-23 17:50:30.5 %s", "2016-07-14T17:50%s",
  "Fri Dec 23 17:50:00 %s 2016", "Thu, 14 Jul 2016 17:50:00 %s", "17:50 %s Jul 14 2016", "Jul 14 2016 %s",
  "20160714T1750 %s",
]
# Years of two digits in each spelling Ruby reads (it adds 1900 from 69, else 2000, unless the
# year is written longer or with a sign), and years before 1000, BC and far ones, read where
# the site zone was then at its local mean time (Paris +00:09:21).
SHORT_YEARS = [
  "Dec 23 16", "23 Dec 16", "December 23rd, 16", "16 Dec 23", "Dec 23 '16", "'16 Dec 23", "Dec '16", "23/12/16",
  "16/12/23", "12/23/16", "1/2/16", "23.12.16", "16.12.23", "16-12-23", "23-12-16", "23-Dec-16", "Dec-23-16",
  "16-Dec-23", "161223", "16358", "16-358", "H28.12.23", "S64.1.7", "'16", "Dec 23 69", "Dec 23 68", "Dec 23 99",
  "Dec 23 00", "Dec 23 0", "Dec 23 7", "Dec 23 016", "Dec 23 0016", "0016-12-23", "'0016 Dec 23", "0016-358", "16/12",
  "Dec 23 1 AD", "23 Dec 69 BC",
]
OLD_YEARS = [
  "Dec 23 999", "Dec 23 0999", "23 Dec 216", "999-12-23", "0999-12-23", "216/12/23", "23/12/216", "23.12.999",
  "Dec 23 100", "Jan 1 1000", "Dec 31 999", "Dec 23 1 BC", "Dec 23 2016 BC", "Dec 23 99 B.C.", "23 Dec 2016 BCE",
  "23 Dec 44 bc", "Dec 23 2016 AD", "-2016-12-23", "+2016-12-23", "-0999-12-23", "0000-12-23", "0999358", "999-358",
  "Dec 23 10000", "Dec 23 99999", "99999-12-23", "-20161223", "Dec 23 100000", "!Dec 23 100001", "!Jul 14 20161223",
  "!Dec 23 99999999999", "!99999999999-12-23",
]
YEAR_TIMES = ["", " 17:50", " 5pm", "T17:50", " 17:50 +0100", " 17:50 CET"]
# Words no pattern takes, which Ruby ignores, and words some pattern takes for something else
# (`Dec 23 2016 hello`: `2016 h` is an hour, and the date has no year).
LEFTOVERS = [
  "Posted on %s", "%s (updated)", "Published: %s", "%s, updated", "on %s", "%s draft", "draft %s", "%s hello",
  "hello %s", "%s v2", "the %s", "%s Europe/Paris", "Updated %s at noon", "%s at 5pm sharp", "%s – Paris",
  "Paris, %s", "%s #42", "%s and more", "Christmas %s", "%s 12 days", "%s (Friday)", "%s, Monday", "week 51, %s",
]
LEFTOVER_DATES = [
  "Dec 23 2016", "23 December 2016", "2016-12-23", "2016/12/23", "23.12.2016", "20161223", "2016-12-23 17:50",
  "Friday, December 23rd, 2016 5:50 PM",
]
# Ruby moves the fields by the offset before it checks them: a day past the month's end that
# crosses midnight is the next month's first, a day 0 moved forward is the 1st, minutes past 59
# are carried.
SHIFTED = [
  "Feb 30 2016 23:30", "Feb 29 2015 23:30", "Dec 31 2016 23:30", "Jan 1 2016 00:30", "Dec 0 2016 23:30",
  "Dec 0 2016 00:30", "Dec 32 2016 00:30", "Apr 31 2016 23:30", "Dec 23 2016 17:75", "Dec 23 2016 24:00",
  "Dec 23 2016 23:59:60", "Mar 1 2016 00:30", "Dec 23 2016 17:50:75", "2016-02-30 23:30", "2016-04-31 00:30",
  "2016-12-31 23:30:00.5",
]
SHIFTS = ["", " -0100", " +0100", " -0030", " +0030", " +2330", " -2330", " +9959", " Z", " EST", " -00:00", " +00:00"]
# Texts as long as `Date._parse` takes (128 bytes) and one longer, which it refuses; letters
# that Unicode folds into ASCII ones, which Folio reports.
ODD_MORE = [
  "Dec 23 2016".ljust(128), "Dec 23 2016".ljust(129), "2016-12-23".ljust(129), "!Dec 23 2016 17:50 \u212a", "!ſep 3 2016",
  "!Dec 23 2016 ſt", "Dec 23 2016 17:50 J", "2016-12-23T17:50:00 +01:00[Europe/Paris]",
]

def answer(text, zone)
  ENV["TZ"] = zone
  a = Time.parse(text, Time.utc(2001, 2, 3, 4, 5, 6))
  b = Time.parse(text, Time.utc(2011, 8, 9, 10, 11, 12))
  return "today" if a != b
  t = a.localtime
  f = t.nsec.zero? ? "" : "." + format("%09d", t.nsec).sub(/0+\z/, "")
  t.strftime("%Y-%m-%dT%H:%M:%S") + f + t.strftime("%:z")
rescue ArgumentError
  "refused"
end

# Zones matter with a zone in the text (and at clock changes): the rest is read in Paris only.
cases = []
DAYS.each { |d| DATES.each { |x| cases << [[d, x], ZONES.first(1)] } }
DATES.each { |x| TIMES.values_at(1, 3, 5, 9, 14, 16, 19, 21).each { |t| cases << [[x, t], ZONES.first(1)] } }
["Dec 23 2016", "2016/07/14"].each { |x| TIMES.first(9).each { |t| ZONE_TEXTS.each { |z| cases << [[x, t, z], ZONES] } } }
ODD.each { |x| cases << [[x], ZONES] }
RUNS.each { |x| RUN_TIMES.each { |t| cases << [[x, t], ZONES.first(1)] } }
DAYS.values_at(1, 3).each { |d| RUNS.first(3).each { |x| ["", "T175000Z"].each { |t| cases << [[d, x, t], ZONES.first(1)] } } }
["20161223", "2016358"].each do |x|
  RUN_TIMES.values_at(0, 1, 3, 4, 5, 10, 15).each { |t| RUN_ZONES.each { |z| cases << [[x, t, z], ZONES] } }
end
LONG_RUNS.each { |x| RUN_ZONES.values_at(0, 1, 5, 6, 9).each { |z| cases << [[x, z], ZONES] } }
ORDINALS.each { |x| ORDINAL_TIMES.each { |t| cases << [[x, t], ZONES.first(1)] } }
DAYS.values_at(1, 3).each { |d| cases << [[d, ORDINALS.first, " 17:50"], ZONES.first(1)] }
ORDINAL_ODD.each { |x| cases << [[x], ZONES] }
ZONE_NAMES.each { |n| ZONE_PLACES.each { |p| cases << [[p % n], ZONE_SITES] } }
SHORT_YEARS.each { |x| YEAR_TIMES.each { |t| cases << [[x, t], ZONES.first(1)] } }
OLD_YEARS.each { |x| YEAR_TIMES.first(5).each { |t| cases << [[x, t], ZONES] } }
LEFTOVERS.each { |l| LEFTOVER_DATES.each { |x| cases << [[l % x], ZONES.first(1)] } }
SHIFTED.each { |x| SHIFTS.each { |z| cases << [[x, z], ZONES.first(1)] } }
ODD_MORE.each { |x| cases << [[x], ZONES.first(1)] }

lines = cases.uniq.flat_map do |parts, zones|
  reports = parts.any? { |p| p.include?("!") }
  text = parts.join.delete("!")
  zones.map { |zone| [zone, text, answer(text, zone), reports ? "reports" : "reads"].join("\t") }
end
path = File.expand_path("../tests/fixtures/date_spellings.tsv", __dir__)
File.write(path, lines.join("\n") + "\n")
warn "#{lines.size} cases written to #{path}"
