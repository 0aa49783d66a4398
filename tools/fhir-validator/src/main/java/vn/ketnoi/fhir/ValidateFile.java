package vn.ketnoi.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates one FHIR R4 JSON file against the R4 core definitions (StructureDefinitions, value sets and code
 * systems shipped with HAPI), offline: no terminology server. Prints one line per message as
 * SEVERITY location: message, then a summary line; exits 1 when any ERROR or FATAL message was found.
 */
public final class ValidateFile {
  private ValidateFile() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -jar fhir-validator.jar FILE.json");
      System.exit(2);
    }
    FhirContext ctx = FhirContext.forR4();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    // Profiles other than the core ones (mCSD) are not loaded here: say so as a warning, do not fail on it.
    module.setErrorForUnknownProfiles(false);
    module.setNoTerminologyChecks(false);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(module);
    String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    ValidationResult result = validator.validateWithResult(text);
    int errors = 0;
    int warnings = 0;
    for (SingleValidationMessage m : result.getMessages()) {
      String severity = m.getSeverity().name();
      if (severity.equals("ERROR") || severity.equals("FATAL")) errors++;
      if (severity.equals("WARNING")) warnings++;
      System.out.println(severity + " " + m.getLocationString() + ": " + m.getMessage());
    }
    System.out.println("fhir-validator: " + errors + " errors, " + warnings + " warnings");
    System.exit(errors > 0 ? 1 : 0);
  }
}
