using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Infrastructure.Localization;

/// <summary>Model-binding errors ("not a number", "required") in the user's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => l["Binding.ValueIsInvalid", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Binding.AttemptedValueIsInvalid", v, f]);
        m.SetMissingBindRequiredValueAccessor(f => l["Binding.Missing", f]);
        m.SetMissingKeyOrValueAccessor(() => l["Binding.MissingKeyOrValue"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding.MissingBody"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Binding.NonPropertyAttemptedValueIsInvalid", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.UnknownValueIsInvalid"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.ValueMustBeANumber"]);
        m.SetUnknownValueIsInvalidAccessor(f => l["Binding.UnknownValueIsInvalidFor", f]);
        m.SetValueMustBeANumberAccessor(f => l["Binding.ValueMustBeANumberFor", f]);
        m.SetValueMustNotBeNullAccessor(v => l["Binding.ValueMustNotBeNull", v]);
    }
}
