/// Small word lists for fictitious people. Any resemblance to a real person or employer is chance.
enum WordLists {
    static let givenNames = [
        "Avery", "Blake", "Camille", "Dario", "Elena", "Farah", "Gideon", "Hana", "Imani", "Jonas",
        "Keiko", "Lucas", "Mireille", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Soren", "Talia",
        "Umar", "Valeria", "Wendell", "Ximena", "Yusuf", "Zoë", "Amara", "Bruno", "Chloé", "Desmond",
        "Esther", "Felix", "Greta", "Hector", "Ingrid", "Joaquín", "Kira", "Leon", "Maeve", "Nikhil",
    ]
    static let familyNames = [
        "Abernathy", "Baptiste", "Castellanos", "Dunmore", "Ekwueme", "Fairbrook", "Galloway", "Holloway",
        "Ishikawa", "Jovanović", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Pemberton",
        "Quintero", "Ravensworth", "Sandoval", "Thorncastle", "Underhill", "Vasquez", "Whitcombe", "Yarrow",
        "Zielinski", "Ashdown", "Brightwater", "Coldwell", "Delacroix", "Emberly", "Fontaine", "Greenhalgh",
    ]
    static let middleInitials = ["A.", "B.", "C.", "D.", "E.", "J.", "K.", "L.", "M.", "R.", "S.", "T."]
    static let places: [(city: String, region: String)] = [
        ("Columbus", "OH"), ("Dayton", "OH"), ("Cincinnati", "OH"), ("Indianapolis", "IN"), ("Louisville", "KY"),
        ("Raleigh", "NC"), ("Charlotte", "NC"), ("Richmond", "VA"), ("Baltimore", "MD"), ("Pittsburgh", "PA"),
        ("Madison", "WI"), ("Omaha", "NE"), ("Denver", "CO"), ("Tucson", "AZ"), ("Sacramento", "CA"),
        ("Portland", "OR"), ("Boise", "ID"), ("Austin", "TX"), ("Tulsa", "OK"), ("Nashville", "TN"),
    ]
    static let employerStems = [
        "Northwind", "Bluestem", "Cedar Valley", "Harborview", "Ironbridge", "Juniper", "Lakeshore", "Maple Ridge",
        "Oakline", "Pinecrest", "Riverbend", "Silverleaf", "Stonegate", "Summit", "Tallgrass", "Westbrook",
        "Brightline", "Crescent", "Evergreen", "Granite Peak",
    ]
    static let employerKinds = [
        "Regional Hospital", "Health Partners", "Foods, Inc.", "Logistics", "Credit Union", "Staffing Group",
        "Manufacturing Co.", "Public Schools", "Insurance Group", "Software LLC", "Hotels & Resorts",
        "Community College", "Retail Group", "Engineering", "Senior Living",
    ]
    static let emailDomains = ["example.com", "example.net", "example.org", "mail.example"]

    /// The HR ladder, roughly in order of seniority (index = rung).
    static let ladder = [
        "HR Assistant", "HR Coordinator", "HR Administrator", "Recruiter", "HR Generalist",
        "Senior HR Generalist", "HR Business Partner", "HR Assistant Manager", "HR Manager",
        "Senior HR Manager", "HR Director",
    ]
    /// Titles a person may hold beside the ladder at about the given rung.
    static let sideTitles: [(title: String, rung: Int)] = [
        ("Talent Acquisition Specialist", 3), ("Benefits Specialist", 3), ("Payroll Specialist", 2),
        ("Benefits Administrator", 2), ("Senior Recruiter", 5), ("HRIS Analyst", 4),
        ("Employee Relations Specialist", 5), ("Compensation Analyst", 4), ("People Operations Manager", 8),
        ("Talent Acquisition Manager", 8), ("Human Resources Manager", 8), ("Director of Human Resources", 10),
    ]

    static let hrSystems = [
        "Workday", "ADP Workforce Now", "ADP", "UKG Pro", "BambooHR", "SAP SuccessFactors", "Oracle HCM",
        "Paylocity", "Paycom", "Greenhouse", "iCIMS", "Dayforce",
    ]
    static let compliance = [
        "FMLA", "ADA", "EEO-1", "FLSA", "I-9", "COBRA", "OSHA", "ACA", "AAP", "HIPAA", "E-Verify", "Title VII",
    ]
    static let programmes = [
        "open enrollment", "benefits administration", "performance management", "succession planning",
        "compensation benchmarking", "the annual merit cycle", "new-hire onboarding", "offboarding",
        "talent acquisition", "workforce planning", "the employee handbook", "engagement surveys",
        "leave of absence administration", "workers' compensation claims", "payroll reconciliation",
        "employee relations", "policy development", "training and development", "DEI initiatives",
        "HR metrics reporting", "job description updates", "exit interviews", "salary bands",
    ]
    static let reportRoles = [
        "HR generalist", "HR coordinator", "HR assistant", "recruiter", "benefits specialist", "payroll clerk",
    ]
    static let skills = [
        "Employee relations", "Benefits administration", "Performance management", "Talent acquisition",
        "Compensation", "HRIS", "Onboarding", "Policy development", "Investigations", "Coaching",
        "Workforce planning", "Labor law", "Training", "Payroll", "Excel", "Conflict resolution",
        "Change management", "Data analysis", "Succession planning", "Employee engagement",
    ]
    static let summaries = [
        "HR professional with {years} years of experience in {industry}, known for practical advice to managers and clean {compliance} compliance.",
        "People-focused {title} with {years} years across {industry}; I own {programme} and {programme2} end to end.",
        "{title} bringing {years} years of generalist and specialist HR work in {industry}, with hands-on {hris} administration.",
        "Experienced in {programme}, {programme2} and {compliance} reporting; {years} years in {industry} HR teams of 3 to 25.",
    ]
    static let industries = [
        "healthcare", "manufacturing", "retail", "logistics", "higher education", "financial services",
        "hospitality", "technology", "public sector", "non-profit",
    ]

    /// Duty templates; {…} placeholders are filled from the lists above.
    static let duties = [
        "Administered {programme} for {headcount} employees in {hris}.",
        "Supervised {reports} {reportRole}s as direct reports; set goals and ran their performance reviews.",
        "Coordinated {compliance} compliance and filed the annual EEO-1 report on time.",
        "Partnered with department heads on {programme} across {sites} locations.",
        "Investigated {cases} employee relations cases a year and recommended corrective action.",
        "Implemented the {hris} {module} module, migrating {headcount} employee records.",
        "Recruited for {openings} openings a year and cut time-to-fill by {percent}%.",
        "Managed an HR budget of ${budget}K and {vendors} benefits vendor contracts.",
        "Rolled out {programme}, raising engagement survey scores by {percent} points.",
        "Trained {managers} managers on {compliance} and {programme}.",
        "Maintained personnel files and processed {hris} changes for new hires & transfers.",
        "Reported to the {senior} on {programme} and {compliance} risk.",
        "Led open enrollment for {headcount} employees, answering plan questions and reconciling carrier files.",
        "Tracked FMLA and ADA accommodation cases and kept leave records audit-ready.",
        "Ran quarterly I-9 audits with zero findings.",
        "Built monthly turnover and headcount dashboards in {hris} for the leadership team.",
        "Negotiated renewals with {vendors} benefit carriers, holding premium growth under {percent}%.",
        "Handled escalations from the HR team before they reached the {senior}.",
        "Wrote and rolled out {policies} HR policies, including remote work and progressive discipline.",
        "Conducted {cases} exit interviews a quarter and reported themes to department managers.",
    ]
    static let modules = ["Benefits", "Recruiting", "Core HR", "Performance", "Time Tracking", "Compensation", "Learning"]
    static let seniors = ["HR Director", "HR Manager", "VP of People", "Chief Human Resources Officer", "COO"]

    static let degrees: [(name: String, hrxmlType: String, field: String)] = [
        ("B.S. in Human Resource Management", "bachelors", "Human Resource Management"),
        ("B.A. in Psychology", "bachelors", "Psychology"),
        ("Bachelor of Business Administration (BBA)", "bachelors", "Business Administration"),
        ("B.A., Communication Studies", "bachelors", "Communication Studies"),
        ("Master of Business Administration (MBA)", "masters", "Human Resources"),
        ("M.S. in Human Resources", "masters", "Human Resources"),
        ("M.A. in Industrial-Organizational Psychology", "masters", "Industrial-Organizational Psychology"),
        ("Associate of Applied Science, Business", "associates", "Business"),
    ]
    static let schools = [
        "Ohio State University", "Wright State University", "University of Cincinnati", "Miami University",
        "Purdue University", "Indiana University", "University of Louisville", "NC State University",
        "Virginia Commonwealth University", "University of Maryland", "University of Wisconsin–Madison",
        "Colorado State University", "Portland State University", "University of Texas at Austin",
        "Sinclair Community College", "Columbus State Community College",
    ]
    static let certifications: [(name: String, short: String, issuer: String)] = [
        ("Professional in Human Resources", "PHR", "HRCI"),
        ("Senior Professional in Human Resources", "SPHR", "HRCI"),
        ("SHRM Certified Professional", "SHRM-CP", "SHRM"),
        ("SHRM Senior Certified Professional", "SHRM-SCP", "SHRM"),
        ("Associate Professional in Human Resources", "aPHR", "HRCI"),
        ("Certified Compensation Professional", "CCP", "WorldatWork"),
        ("Certified Employee Benefit Specialist", "CEBS", "IFEBP"),
        ("Global Professional in Human Resources", "GPHR", "HRCI"),
    ]
}
