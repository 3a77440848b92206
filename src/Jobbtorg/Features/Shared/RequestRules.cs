using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// Checks the rules a request type declares: the DataAnnotations attributes on its properties (the ErrorMessage is the
/// English key) and, for rules between fields, its <see cref="IValidatableObject.Validate"/>, which yields
/// <see cref="Refused"/> results. Unlike <see cref="Validator"/>, Validate runs even when an attribute refused, so every
/// field is named at once, and the result is messages, translated only where they are shown.
/// A use case calls this itself, so that the API, the pages and any other caller get the same rules; the API's
/// endpoints therefore leave the framework's own validation off (it would answer in English only).
/// </summary>
public static class RequestRules
{
    /// <summary>The rules broken by <paramref name="request"/>; <paramref name="items"/> carries what a rule needs beside the
    /// request (today's date, the channel), read back with <see cref="Item{T}"/>.</summary>
    public static FieldErrors Check(object request, params (string Key, object Value)[] items)
    {
        var errors = new FieldErrors();
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(request);
            var context = new ValidationContext(request) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
                if (attribute.GetValidationResult(value, context) is { } result && result != ValidationResult.Success)
                    errors.Refuse(property.Name, result is RefusedResult refused ? refused.Message : MessageOf(attribute, property.Name));
        }
        if (request is IValidatableObject validatable)
        {
            var context = new ValidationContext(request, items.ToDictionary(i => (object)i.Key, i => (object?)i.Value));
            foreach (var result in validatable.Validate(context))
            {
                var message = result is RefusedResult refused ? refused.Message : new Message(result.ErrorMessage ?? string.Empty);
                foreach (var field in result.MemberNames.DefaultIfEmpty("")) errors.Refuse(field, message);
            }
        }
        return errors;
    }

    /// <summary>A value given to <see cref="Check"/> by its key.</summary>
    public static T Item<T>(this ValidationContext context, string key) =>
        context.Items.TryGetValue(key, out var value) && value is T typed ? typed
            : throw new InvalidOperationException($"The rules need '{key}' ({typeof(T).Name}).");

    /// <summary>A broken rule on <paramref name="field"/>, for a request's Validate.</summary>
    public static ValidationResult Refused(string field, string template, params object?[] args) =>
        new RefusedResult(field, new Message(template, args));

    public static ValidationResult Refused(string field, Message message) => new RefusedResult(field, message);

    /// <summary>The attribute's message with the arguments ASP.NET Core's own adapters give it on a page: the field's name,
    /// then the limits ({1} is a maximum length, {1}–{2} a range).</summary>
    private static Message MessageOf(ValidationAttribute attribute, string field) => attribute switch
    {
        StringLengthAttribute s => new(s.ErrorMessage!, field, s.MaximumLength, s.MinimumLength),
        MaxLengthAttribute m => new(m.ErrorMessage!, field, m.Length),
        RangeAttribute r => new(r.ErrorMessage!, field, r.Minimum, r.Maximum),
        _ => new(attribute.ErrorMessage ?? throw new InvalidOperationException($"{attribute.GetType().Name} on {field} has no ErrorMessage."), field),
    };

    private sealed class RefusedResult(string field, Message message) : ValidationResult(message.ToString(), [field])
    {
        public Message Message { get; } = message;
    }
}

/// <summary>Marks a request type whose rules its use case checks with <see cref="RequestRules.Check"/>, together with the
/// rules that need the database. A page that binds it leaves it to the use case (see
/// <see cref="CheckedByUseCaseMetadataProvider"/>), so the form names every field at once, as the API does.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CheckedByUseCaseAttribute : Attribute;

/// <summary>The pages' validation passes over a <see cref="CheckedByUseCaseAttribute"/> type and its properties: no
/// validators, so a form with a bad field still reaches the use case, which names them all in the user's language.
/// Values the binder could not read keep their errors. Added after the framework's own providers, which would otherwise
/// find the type's validators again.</summary>
public sealed class CheckedByUseCaseMetadataProvider : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IValidationMetadataProvider
{
    public void CreateValidationMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.ValidationMetadataProviderContext context)
    {
        if (!IsChecked(context.Key.ModelType) && !(context.Key.ContainerType is { } container && IsChecked(container))) return;
        context.ValidationMetadata.HasValidators = false;
        context.ValidationMetadata.ValidatorMetadata.Clear();
    }

    private static bool IsChecked(Type type) => type.IsDefined(typeof(CheckedByUseCaseAttribute), inherit: false);
}
