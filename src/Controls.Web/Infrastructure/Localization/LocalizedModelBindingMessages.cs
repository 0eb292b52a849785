using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Infrastructure.Localization;

/// <summary>
/// Model-binding errors ("not a number", "required") in the user's language, each naming its field:
/// the messages MVC gives only the value (an empty or unknown value) are replaced per property and
/// parameter by ones that name it as its label does. A checkbox given something that is not
/// true/false is refused like any other field (<see cref="CheckboxBinder"/>).
/// </summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory, ILoggerFactory loggers) : IConfigureOptions<MvcOptions>
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
        options.ModelMetadataDetailsProviders.Add(new FieldNamedMessages(l, m));
        options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider(loggers));
        options.ModelBinderProviders.Insert(0, new FieldNamedCollectionBinderProvider(options.ModelBinderProviders));
    }

    /// <summary>Per property and parameter: the value-only messages name the field.</summary>
    private sealed class FieldNamedMessages(IStringLocalizer l, ModelBindingMessageProvider defaults) : IBindingMetadataProvider
    {
        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            if (context.Key.MetadataKind == ModelMetadataKind.Type)
            {
                return;
            }

            var display = context.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.Name;
            var name = context.Key.Name ?? context.Key.ParameterInfo?.Name ?? "";
            string Field() => display is null ? name : l[display];
            var messages = new DefaultModelBindingMessageProvider((DefaultModelBindingMessageProvider)defaults);
            messages.SetValueIsInvalidAccessor(_ => l["Binding.ValueIsInvalidFor", Field()]);
            messages.SetValueMustNotBeNullAccessor(_ => l["Binding.ValueMustNotBeNullFor", Field()]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Binding.AttemptedValueIsInvalid", v, Field()]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.UnknownValueIsInvalidFor", Field()]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.ValueMustBeANumberFor", Field()]);
            context.BindingMetadata.ModelBindingMessageProvider = messages;
        }
    }

    /// <summary>
    /// A list field (several departments, contractors, auditors) given a value that is not one: its
    /// elements are bound with the element type's messages, which know only the value; the refusal
    /// names the field instead, as a single field's does.
    /// </summary>
    private sealed class FieldNamedCollectionBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
    {
        /// <summary>The binder MVC itself would choose (collection, dictionary, …), wrapped.</summary>
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            if (context.Metadata.MetadataKind == ModelMetadataKind.Type || !context.Metadata.IsEnumerableType || context.Metadata.ModelType == typeof(string))
            {
                return null;
            }

            var inner = providers.Where(p => p != this).Select(p => p.GetBinder(context)).FirstOrDefault(b => b is not null);
            return inner is null ? null : new FieldNamedCollectionBinder(inner);
        }
    }

    private sealed class FieldNamedCollectionBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            var name = bindingContext.ModelName;
            foreach (var (key, entry) in bindingContext.ModelState.Where(e => e.Value is { Errors.Count: > 0 }
                         && (e.Key == name || e.Key.StartsWith(name + "[", StringComparison.Ordinal))).Select(e => (e.Key, e.Value!)).ToList())
            {
                entry.Errors.Clear();
                bindingContext.ModelState.TryAddModelError(key, bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueIsInvalidAccessor(entry.AttemptedValue ?? ""));
            }
        }
    }

    private sealed class CheckboxBinderProvider(ILoggerFactory loggers) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers)) : null;
    }

    /// <summary>
    /// A true/false field given anything else: one message naming the field (not the value, which
    /// may be 20,000 characters), and no raw value kept, since the checkbox would otherwise fail to
    /// render it again (MVC converts the kept value to bool and throws a FormatException).
    /// </summary>
    private sealed class CheckboxBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            var key = bindingContext.ModelName;
            if (bindingContext.Result.IsModelSet || !bindingContext.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                return;
            }

            var attempted = entry.AttemptedValue;
            var unreadable = !string.IsNullOrWhiteSpace(attempted);
            bindingContext.ModelState.SetModelValue(key, rawValue: null, attemptedValue: attempted);
            if (unreadable)
            {
                entry.Errors.Clear();
                bindingContext.ModelState.TryAddModelError(key, bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueIsInvalidAccessor(attempted ?? ""));
            }
        }
    }
}
