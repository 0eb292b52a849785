using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Controls.Web;

/// <summary>
/// Marker for the one resource set: Resources/SharedResource.resx (Japanese, the neutral and
/// default language) and Resources/SharedResource.en.resx (English).
/// </summary>
public sealed class SharedResource;
