namespace Controls.Web;

/// <summary>Marker for the one resource set (Resources/SharedResource.{ja,en}.resx).</summary>
public sealed class SharedResource;
