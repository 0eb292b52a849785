namespace Controls.Web.Features.Catalog;

/// <summary>
/// The controls of ISO/IEC 27001:2022 Annex A (93 in four themes), which catalog measures map to.
/// Clauses 4 to 10 of the standard (e.g. 9.2 internal audit) are requirements, not Annex A controls.
/// </summary>
public static class Iso27001
{
    public const string Organisational = "organisational";
    public const string People = "people";
    public const string Physical = "physical";
    public const string Technological = "technological";

    /// <summary>The valid ranges, for messages and pages.</summary>
    public const string Ranges = "5.1-5.37, 6.1-6.8, 7.1-7.14 and 8.1-8.34";

    public sealed record Control(string Id, string Theme, string Title);

    public static readonly IReadOnlyList<Control> Controls =
    [
        new("5.1", Organisational, "Policies for information security"),
        new("5.2", Organisational, "Information security roles and responsibilities"),
        new("5.3", Organisational, "Segregation of duties"),
        new("5.4", Organisational, "Management responsibilities"),
        new("5.5", Organisational, "Contact with authorities"),
        new("5.6", Organisational, "Contact with special interest groups"),
        new("5.7", Organisational, "Threat intelligence"),
        new("5.8", Organisational, "Information security in project management"),
        new("5.9", Organisational, "Inventory of information and other associated assets"),
        new("5.10", Organisational, "Acceptable use of information and other associated assets"),
        new("5.11", Organisational, "Return of assets"),
        new("5.12", Organisational, "Classification of information"),
        new("5.13", Organisational, "Labelling of information"),
        new("5.14", Organisational, "Information transfer"),
        new("5.15", Organisational, "Access control"),
        new("5.16", Organisational, "Identity management"),
        new("5.17", Organisational, "Authentication information"),
        new("5.18", Organisational, "Access rights"),
        new("5.19", Organisational, "Information security in supplier relationships"),
        new("5.20", Organisational, "Addressing information security within supplier agreements"),
        new("5.21", Organisational, "Managing information security in the ICT supply chain"),
        new("5.22", Organisational, "Monitoring, review and change management of supplier services"),
        new("5.23", Organisational, "Information security for use of cloud services"),
        new("5.24", Organisational, "Information security incident management planning and preparation"),
        new("5.25", Organisational, "Assessment and decision on information security events"),
        new("5.26", Organisational, "Response to information security incidents"),
        new("5.27", Organisational, "Learning from information security incidents"),
        new("5.28", Organisational, "Collection of evidence"),
        new("5.29", Organisational, "Information security during disruption"),
        new("5.30", Organisational, "ICT readiness for business continuity"),
        new("5.31", Organisational, "Legal, statutory, regulatory and contractual requirements"),
        new("5.32", Organisational, "Intellectual property rights"),
        new("5.33", Organisational, "Protection of records"),
        new("5.34", Organisational, "Privacy and protection of PII"),
        new("5.35", Organisational, "Independent review of information security"),
        new("5.36", Organisational, "Compliance with policies, rules and standards for information security"),
        new("5.37", Organisational, "Documented operating procedures"),

        new("6.1", People, "Screening"),
        new("6.2", People, "Terms and conditions of employment"),
        new("6.3", People, "Information security awareness, education and training"),
        new("6.4", People, "Disciplinary process"),
        new("6.5", People, "Responsibilities after termination or change of employment"),
        new("6.6", People, "Confidentiality or non-disclosure agreements"),
        new("6.7", People, "Remote working"),
        new("6.8", People, "Information security event reporting"),

        new("7.1", Physical, "Physical security perimeters"),
        new("7.2", Physical, "Physical entry"),
        new("7.3", Physical, "Securing offices, rooms and facilities"),
        new("7.4", Physical, "Physical security monitoring"),
        new("7.5", Physical, "Protecting against physical and environmental threats"),
        new("7.6", Physical, "Working in secure areas"),
        new("7.7", Physical, "Clear desk and clear screen"),
        new("7.8", Physical, "Equipment siting and protection"),
        new("7.9", Physical, "Security of assets off-premises"),
        new("7.10", Physical, "Storage media"),
        new("7.11", Physical, "Supporting utilities"),
        new("7.12", Physical, "Cabling security"),
        new("7.13", Physical, "Equipment maintenance"),
        new("7.14", Physical, "Secure disposal or re-use of equipment"),

        new("8.1", Technological, "User end point devices"),
        new("8.2", Technological, "Privileged access rights"),
        new("8.3", Technological, "Information access restriction"),
        new("8.4", Technological, "Access to source code"),
        new("8.5", Technological, "Secure authentication"),
        new("8.6", Technological, "Capacity management"),
        new("8.7", Technological, "Protection against malware"),
        new("8.8", Technological, "Management of technical vulnerabilities"),
        new("8.9", Technological, "Configuration management"),
        new("8.10", Technological, "Information deletion"),
        new("8.11", Technological, "Data masking"),
        new("8.12", Technological, "Data leakage prevention"),
        new("8.13", Technological, "Information backup"),
        new("8.14", Technological, "Redundancy of information processing facilities"),
        new("8.15", Technological, "Logging"),
        new("8.16", Technological, "Monitoring activities"),
        new("8.17", Technological, "Clock synchronization"),
        new("8.18", Technological, "Use of privileged utility programs"),
        new("8.19", Technological, "Installation of software on operational systems"),
        new("8.20", Technological, "Networks security"),
        new("8.21", Technological, "Security of network services"),
        new("8.22", Technological, "Segregation of networks"),
        new("8.23", Technological, "Web filtering"),
        new("8.24", Technological, "Use of cryptography"),
        new("8.25", Technological, "Secure development life cycle"),
        new("8.26", Technological, "Application security requirements"),
        new("8.27", Technological, "Secure system architecture and engineering principles"),
        new("8.28", Technological, "Secure coding"),
        new("8.29", Technological, "Security testing in development and acceptance"),
        new("8.30", Technological, "Outsourced development"),
        new("8.31", Technological, "Separation of development, test and production environments"),
        new("8.32", Technological, "Change management"),
        new("8.33", Technological, "Test information"),
        new("8.34", Technological, "Protection of information systems during audit testing"),
    ];

    private static readonly Dictionary<string, Control> ById = Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The control with this exact ID ("7.10", not "7.1" or "A.7.10"), or null.</summary>
    public static Control? Find(string id) => ById.GetValueOrDefault(id);

    public static bool IsControl(string id) => ById.ContainsKey(id);
}
