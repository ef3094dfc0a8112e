package com.example.expenses;

import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The OCR text of uploaded receipts; vendors write what is on a receipt, so its text is untrusted. */
public class ReceiptPlugin {
    private final HttpClient http = HttpClient.newHttpClient();

    @DefineKernelFunction(name = "read_receipt", description = "Returns the OCR text of a claim's receipt")
    public String readReceipt(@KernelFunctionParameter(name = "claim_id", description = "the claim id") String claimId)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://receipts.internal/ocr/" + claimId)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
