/// Choices a layout makes once per file, so re-rendering the same content (while sizing it) gives the
/// same markup.
struct HTMLChoices {
    var experienceHeading: String
    var educationHeading: String
    var certificationsHeading: String
    var skillsHeading: String
    var variant: Int

    init(random: inout RandomSource) {
        experienceHeading = random.pick(["Professional Experience", "Experience", "Work History", "Employment History", "Career History"])
        educationHeading = random.pick(["Education", "Education & Training", "Academic Background"])
        certificationsHeading = random.pick(["Certifications", "Licenses & Certifications", "Professional Certifications"])
        skillsHeading = random.pick(["Skills", "Core Competencies", "Areas of Expertise", "Skills & Systems"])
        variant = random.int(0...2)
    }
}

/// A hand-written or template résumé: heading per section, a heading and a meta line per job, bullets.
struct SectionedHTMLLayout {
    func render(_ resume: ResumeContent, form: DateForm, choices: HTMLChoices) -> String {
        let section = choices.variant == 1 ? ("<div class=\"section\">", "</div>") : ("<section>", "</section>")
        let heading = choices.variant == 2 ? "h3" : "h2"
        let jobHeading = choices.variant == 2 ? "h4" : "h3"
        var html = """
            <!DOCTYPE html>
            <!-- Synthetic résumé for the readiness benchmark (fictitious person). -->
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Résumé of \(escaped(resume.fullName))</title>
              <style>
                body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; color: #222; }
                \(heading) { border-bottom: 1px solid #999; text-transform: uppercase; }
                .job-meta { color: #555; margin: 0.2em 0 0.4em; }
              </style>
            </head>
            <body>
              <header>
                <h1>\(escaped(resume.fullName))</h1>
                <p class="headline">\(escaped(resume.headline))</p>
                <p class="contact">\(resume.city), \(resume.region) · <a href="mailto:\(resume.email)">\(resume.email)</a> · \(resume.phone)</p>
              </header>

              \(section.0)
                <\(heading)>Summary</\(heading)>
                <p>\(escaped(resume.summary))</p>
              \(section.1)

              \(section.0)
                <\(heading)>\(escaped(choices.experienceHeading))</\(heading)>

            """
        for job in resume.jobs {
            let dates = form.range(job.start, job.end)
            switch choices.variant {
            case 0:
                html += "    <\(jobHeading)>\(escaped(job.title))</\(jobHeading)>\n"
                html += "    <p class=\"job-meta\">\(escaped(job.employer)) — \(job.city), \(job.region) · \(dates)</p>\n"
            case 1:
                html += "    <\(jobHeading)>\(escaped(job.title)), \(escaped(job.employer))</\(jobHeading)>\n"
                html += "    <p class=\"job-meta\">\(dates) | \(job.city), \(job.region)</p>\n"
            default:
                html += "    <\(jobHeading)>\(escaped(job.title))</\(jobHeading)>\n"
                html += "    <p class=\"job-meta\"><em>\(escaped(job.employer))</em>, \(job.city), \(job.region)<br>\(dates)</p>\n"
            }
            html += "    <ul>\n"
            for duty in job.duties { html += "      <li>\(escaped(duty))</li>\n" }
            html += "    </ul>\n\n"
        }
        html += "  \(section.1)\n\n  \(section.0)\n    <\(heading)>\(escaped(choices.educationHeading))</\(heading)>\n"
        for degree in resume.degrees {
            html += "    <p><strong>\(escaped(degree.name))</strong> — \(escaped(degree.school)), \(degree.year)</p>\n"
        }
        html += "  \(section.1)\n"
        if !resume.certificates.isEmpty {
            html += "\n  \(section.0)\n    <\(heading)>\(escaped(choices.certificationsHeading))</\(heading)>\n    <ul>\n"
            for certificate in resume.certificates {
                html += "      <li>\(escaped(certificate.name)) (\(certificate.short)), \(certificate.issuer), \(certificate.year)</li>\n"
            }
            html += "    </ul>\n  \(section.1)\n"
        }
        html += "\n  \(section.0)\n    <\(heading)>\(escaped(choices.skillsHeading))</\(heading)>\n"
        html += "    <p>\(escaped(resume.skills.joined(separator: ", ")))</p>\n  \(section.1)\n</body>\n</html>\n"
        return html
    }
}

/// Word's "Save as Web Page": windows-1252, a two-column layout table, tab-stop spans, Symbol bullets.
struct WordTableHTMLLayout {
    private static let cellStyle = "style='width:4.6in;padding:0in 5.4pt 0in 5.4pt'"
    private static let labelStyle = "style='width:1.6in;padding:0in 5.4pt 0in 5.4pt'"
    private static let tab = "<span style='mso-tab-count:1'>\u{A0}\u{A0}\u{A0} </span>"
    private static let bullet = "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>\u{A0}\u{A0}\u{A0}\u{A0}\u{A0}\u{A0} </span></span></span><![endif]>"

    func render(_ resume: ResumeContent, form: DateForm, choices: HTMLChoices) -> String {
        var html = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"
            xmlns:w="urn:schemas-microsoft-com:office:word"
            xmlns="http://www.w3.org/TR/REC-html40">
            <!-- Synthetic résumé for the readiness benchmark, in the style of a Word export (fictitious person). -->
            <head>
            <meta http-equiv=Content-Type content="text/html; charset=windows-1252">
            <meta name=Generator content="Microsoft Word 15">
            <title>\(escaped(resume.fullName)) – Résumé</title>
            <style>
            <!--
            p.SectionTitle {font-weight:bold; text-transform:uppercase; color:#1F3864;}
            p.CompanyLine {margin-top:8.0pt;}
            p.JobTitle {font-weight:bold;}
            -->
            </style>
            </head>
            <body lang=EN-US style='tab-interval:.5in'>
            <div class=WordSection1>

            <p class=MsoTitle>\(escaped(resume.fullName))</p>
            <p class=MsoSubtitle>\(escaped(resume.headline))</p>
            <p class=MsoNormal>\(resume.city), \(resume.region)\(Self.tab)\(resume.phone)\(Self.tab)\(resume.email)</p>

            <table class=MsoTableGrid border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>

            """
        html += row("Profile", "  <p class=MsoNormal>\(escaped(resume.summary))</p>\n")
        var experience = ""
        for job in resume.jobs {
            experience += "  <p class=CompanyLine>\(form.range(job.start, job.end))\(Self.tab)\(escaped(job.employer))\(Self.tab)\(job.city), \(job.region)</p>\n"
            experience += "  <p class=JobTitle>\(escaped(job.title))</p>\n"
            for duty in job.duties {
                experience += "  <p class=MsoListBullet style='margin-left:.25in;text-indent:-.25in;mso-list:l0 level1 lfo1'>\(Self.bullet)\(escaped(duty))</p>\n"
            }
        }
        html += row(choices.experienceHeading, experience)
        var education = ""
        for degree in resume.degrees {
            education += "  <p class=MsoNormal>\(degree.year)\(Self.tab)\(escaped(degree.school))</p>\n"
            education += "  <p class=MsoNormal>\(escaped(degree.name))</p>\n"
        }
        html += row(choices.educationHeading, education)
        if !resume.certificates.isEmpty {
            let lines = resume.certificates.map { "  <p class=MsoNormal>\(escaped($0.name)) (\($0.short)), \($0.year)</p>\n" }
            html += row(choices.certificationsHeading, lines.joined())
        }
        html += row(choices.skillsHeading, "  <p class=MsoNormal>\(escaped(resume.skills.joined(separator: ", ")))</p>\n")
        html += "</table>\n\n<p class=MsoNormal><o:p>\u{A0}</o:p></p>\n</div>\n</body>\n</html>\n"
        return html
    }

    private func row(_ label: String, _ content: String) -> String {
        """
         <tr>
          <td width=160 valign=top \(Self.labelStyle)>
          <p class=SectionTitle>\(escaped(label))</p>
          </td>
          <td width=460 valign=top \(Self.cellStyle)>
        \(content)  </td>
         </tr>

        """
    }

    /// Windows-1252 bytes for the few non-ASCII characters the generator writes; anything else becomes
    /// a character reference, as Word itself does.
    static func windows1252(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
                continue
            }
            switch scalar {
            case "–": bytes.append(0x96)
            case "—": bytes.append(0x97)
            case "’": bytes.append(0x92)
            case "•": bytes.append(0x95)
            default:
                if scalar.value >= 0xA0 && scalar.value <= 0xFF {
                    bytes.append(UInt8(scalar.value))  // Latin-1 range: the same byte in windows-1252
                } else {
                    bytes += Array("&#\(scalar.value);".utf8)
                }
            }
        }
        return bytes
    }
}

/// A one-page site theme (Bootstrap-like): the name split across spans, each job's title, employer and
/// dates as sibling spans on one line, duties as a list or a paragraph of sentences.
struct OnePagerHTMLLayout {
    func render(_ resume: ResumeContent, form: DateForm, choices: HTMLChoices) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="UTF-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
            <title>\(escaped(resume.fullName)) - Resume</title>
            <link href="css/styles.css" rel="stylesheet" />
            <script>document.documentElement.classList.add("js");</script>
            </head>
            <body id="page-top">
            <nav class="navbar navbar-expand-lg navbar-dark bg-primary fixed-top" id="sideNav">
            <a class="navbar-brand" href="#page-top"><span class="d-block d-lg-none">\(escaped(resume.fullName))</span></a>
            <ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="#about">About</a></li><li class="nav-item"><a class="nav-link" href="#experience">Experience</a></li><li class="nav-item"><a class="nav-link" href="#education">Education</a></li><li class="nav-item"><a class="nav-link" href="#skills">Skills</a></li></ul>
            </nav>
            <div class="container-fluid p-0">
            <section class="resume-section" id="about"><div class="resume-section-content">
            <h1 class="mb-0">\(escaped(resume.givenName)) <span class="text-primary">\(escaped(resume.familyName))</span></h1>
            <div class="subheading mb-5"><span class="headline">\(escaped(resume.headline))</span> <span class="sep">·</span> <span class="location">\(resume.city), \(resume.region)</span> <span class="sep">·</span> <span class="phone">\(resume.phone)</span> <span class="sep">·</span> <a href="mailto:\(resume.email)">\(resume.email)</a></div>
            <p class="lead mb-5">\(escaped(resume.summary))</p>
            </div></section>
            <hr class="m-0" />
            <section class="resume-section" id="experience"><div class="resume-section-content">
            <h2 class="mb-5">\(escaped(choices.experienceHeading))</h2>

            """
        for job in resume.jobs {
            html += "<div class=\"resume-item mb-5\">\n"
            html += "<p class=\"role\"><span class=\"title\">\(escaped(job.title))</span><span class=\"sep\"> | </span><span class=\"org\">\(escaped(job.employer))</span><span class=\"sep\"> | </span><span class=\"place\">\(job.city), \(job.region)</span><span class=\"dates text-primary\">\(form.range(job.start, job.end))</span></p>\n"
            if choices.variant == 0 {
                html += "<p>" + job.duties.map(escaped).joined(separator: "<br />\n") + "</p>\n"
            } else {
                html += "<ul class=\"fa-ul mb-0\">\n" + job.duties.map { "<li><span class=\"fa-li\"><i class=\"fas fa-check\"></i></span>\(escaped($0))</li>\n" }.joined() + "</ul>\n"
            }
            html += "</div>\n"
        }
        html += "</div></section>\n<hr class=\"m-0\" />\n<section class=\"resume-section\" id=\"education\"><div class=\"resume-section-content\">\n<h2 class=\"mb-5\">\(escaped(choices.educationHeading))</h2>\n"
        for degree in resume.degrees {
            html += "<div class=\"resume-item\"><span class=\"school\">\(escaped(degree.school))</span> <span class=\"degree\">\(escaped(degree.name))</span> <span class=\"dates text-primary\">\(degree.year)</span></div>\n"
        }
        html += "</div></section>\n"
        if !resume.certificates.isEmpty {
            html += "<hr class=\"m-0\" />\n<section class=\"resume-section\" id=\"certifications\"><div class=\"resume-section-content\">\n<h2 class=\"mb-5\">\(escaped(choices.certificationsHeading))</h2>\n<ul>\n"
            for certificate in resume.certificates {
                html += "<li><span class=\"cert\">\(escaped(certificate.name)) (\(certificate.short))</span> <span class=\"issuer\">\(certificate.issuer)</span> <span class=\"dates\">\(certificate.year)</span></li>\n"
            }
            html += "</ul>\n</div></section>\n"
        }
        html += "<hr class=\"m-0\" />\n<section class=\"resume-section\" id=\"skills\"><div class=\"resume-section-content\">\n<h2 class=\"mb-5\">\(escaped(choices.skillsHeading))</h2>\n"
        html += "<ul class=\"list-inline\">" + resume.skills.map { "<li class=\"list-inline-item\">\(escaped($0))</li>" }.joined() + "</ul>\n"
        html += "</div></section>\n</div>\n<script src=\"js/scripts.js\"></script>\n</body>\n</html>\n"
        return html
    }
}
