package com.acme.support.mail;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

@Component
public class CustomerMailer {
    private static final String FROM = "support@acme.example";

    private final JavaMailSender mailSender;

    public CustomerMailer(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    public void sendReply(String to, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(FROM);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        mailSender.send(mail);
    }
}
